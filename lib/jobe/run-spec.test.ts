import { describe, expect, it } from "vitest";
import type { LimitBounds } from "../sandbox/limits";
import { JobeError } from "./errors";
import { javaFileName } from "./languages";
import { isValidSourceFilename, parseRunSpec } from "./run-spec";
import { sourceFileName, toExecuteInput } from "./to-request";

const limits = {
  timeoutMs: 5000,
  compileTimeoutMs: 20000,
  cpuTimeMs: 5000,
  compileCpuTimeMs: 20000,
  memoryMb: 256,
  compileMemoryMb: 768,
  cpus: 1,
  pids: 64,
  outputKb: 64,
  tmpMb: 64,
  nofile: 256,
};
const bounds: LimitBounds = {
  defaults: limits,
  maxima: { ...limits, timeoutMs: 30000, cpuTimeMs: 60000, memoryMb: 1024, pids: 256, outputKb: 1024, cpus: 2 },
};

const spec = (run: Record<string, unknown>) => parseRunSpec({ run_spec: { sourcecode: "x", ...run } });
const jobeError = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    if (err instanceof JobeError) return { status: err.status, message: err.message };
    throw err;
  }
  throw new Error("no JobeError");
};

describe("parseRunSpec", () => {
  it("answers a bad run spec with Jobe's status and message", () => {
    expect(jobeError(() => parseRunSpec("nope"))).toEqual({ status: 400, message: "Non-JSON post data received" });
    expect(jobeError(() => parseRunSpec({}))).toEqual({
      status: 400,
      message: "No run_spec attribute found in post data",
    });
    expect(jobeError(() => parseRunSpec({ run_spec: { sourcecode: "x" } }))).toEqual({
      status: 400,
      message: "run_spec is missing the required attribute 'language_id'",
    });
    expect(jobeError(() => parseRunSpec({ run_spec: { language_id: "c" } }))).toEqual({
      status: 400,
      message: "run_spec is missing the required attribute 'sourcecode'",
    });
    expect(jobeError(() => spec({ language_id: "NoSuchLanguage" }))).toEqual({
      status: 400,
      message: "Language 'nosuchlanguage' is not known",
    });
    expect(jobeError(() => spec({ language_id: "c", sourcefilename: "../x.c" })).message).toBe(
      "The sourcefilename for the run_spec is illegal",
    );
    expect(jobeError(() => spec({ language_id: "c", file_list: [["short", "f"]] })).message).toMatch(
      /^Invalid file specifier/,
    );
    expect(jobeError(() => spec({ language_id: "c", file_list: [["abcdefgh1", "a/b"]] })).message).toMatch(
      /^Invalid file specifier/,
    );
  });

  it("takes what CodeRunner sends, ignoring keys it does not know", () => {
    const s = spec({
      language_id: "Python3",
      sourcefilename: "__tester__.python3",
      input: "1\n",
      file_list: [["d41d8cd98f00b204e9800998ecf8427e", "data.txt"]],
      parameters: { cputime: "3", memorylimit: "lots", compileargs: "-x c", jobeserver: "x" },
      jobeserver: "jobe.example",
    });
    expect(s.language.id).toBe("python3");
    expect(s.fileList).toEqual([{ id: "d41d8cd98f00b204e9800998ecf8427e", name: "data.txt" }]);
    // Jobe: a numeric string counts, anything else leaves the default.
    expect(s.parameters).toEqual({ cputime: 3, compileargs: ["-x c"] });
  });

  it("ignores Jobe's legacy 'prog.java' so the name comes from the source", () => {
    expect(spec({ language_id: "java", sourcefilename: "prog.java" }).sourcefilename).toBeUndefined();
  });

  it("checks source file names as Jobe does", () => {
    for (const ok of ["prog.c", "__tester__.python3", "My_Prog-1.java"]) expect(isValidSourceFilename(ok)).toBe(true);
    for (const bad of [".hidden", "-x", "a/b", "a b\u0000", "a;b", "a$b", "a`b", "a\tb"])
      expect(isValidSourceFilename(bad), bad).toBe(false);
  });
});

describe("toExecuteInput", () => {
  it("gives C Jobe's flags as argv words and keeps Runbox's -lm", () => {
    const input = toExecuteInput(spec({ language_id: "c" }), [], bounds);
    expect(input.language).toBe("c");
    expect(input.toolchain).toEqual({ compileArgs: ["-Wall", "-Werror", "-std=c99", "-x", "c"] });
    expect(input.files?.[0]?.name).toBe("prog.c");
    // The address-space limit file joins the build.
    expect(input.files?.[1]?.name).toBe("__runbox_jobe_memlimit.c");
    expect(input.limits).toEqual({ cpuTimeMs: 5000, timeoutMs: 10000, outputKb: 1024 });
  });

  it("replaces the defaults with the request's arguments; C's interpreterargs are program arguments", () => {
    const input = toExecuteInput(
      spec({
        language_id: "c",
        parameters: { compileargs: ["-std=c11 -O2"], linkargs: ["-lm"], interpreterargs: ["a"], runargs: ["'b c'"] },
      }),
      [],
      bounds,
    );
    expect(input.toolchain).toEqual({ compileArgs: ["-std=c11", "-O2"], linkArgs: ["-lm"] });
    expect(input.args).toEqual(["a", "b c"]);
  });

  it("runs interpreted languages with Jobe's interpreter arguments, split without a shell", () => {
    expect(toExecuteInput(spec({ language_id: "python3" }), [], bounds).toolchain).toEqual({
      interpreterArgs: ["-BE"],
    });
    expect(
      toExecuteInput(
        spec({ language_id: "python3", parameters: { interpreterargs: ['-c "print(\\"Blah\\")"'] } }),
        [],
        bounds,
      ).toolchain,
    ).toEqual({ interpreterArgs: ["-c", 'print("Blah")'] });
    expect(toExecuteInput(spec({ language_id: "nodejs" }), [], bounds).toolchain).toEqual({
      interpreterArgs: ["--use_strict"],
    });
    expect(toExecuteInput(spec({ language_id: "php" }), [], bounds).toolchain).toEqual({
      interpreterArgs: ["--no-php-ini"],
    });
    // Jobe ignores compile arguments for languages it does not compile.
    expect(
      toExecuteInput(spec({ language_id: "python3", parameters: { compileargs: ["-O"] } }), [], bounds).toolchain,
    ).toEqual({ interpreterArgs: ["-BE"] });
  });

  it("refuses arguments only a shell could mean, in Jobe's error shape", () => {
    expect(
      jobeError(() => toExecuteInput(spec({ language_id: "c", parameters: { runargs: ["$(id)"] } }), [], bounds)),
    ).toMatchObject({ status: 400, message: expect.stringMatching(/^runargs: .*without a shell/) });
  });

  it("maps Jobe's parameters onto limits, clamped to the server's", () => {
    const l = (parameters: Record<string, unknown>, language_id = "python3") =>
      toExecuteInput(spec({ language_id, parameters }), [], bounds).limits;
    expect(l({ cputime: 15 })).toMatchObject({ cpuTimeMs: 15000, timeoutMs: 30000 });
    expect(l({ cputime: 20 })).toMatchObject({ cpuTimeMs: 20000, timeoutMs: 30000 });
    expect(l({ memorylimit: 200000 })).toMatchObject({ memoryMb: 1024 });
    expect(l({ memorylimit: 0 })).toMatchObject({ memoryMb: 1024 });
    expect(l({ memorylimit: 100 })).toMatchObject({ memoryMb: 100 });
    expect(l({ numprocs: 20 })).toMatchObject({ pids: 20 });
    expect(l({ numprocs: 1 })).toMatchObject({ pids: 8 });
    expect(l({ streamsize: 0.1 })).toMatchObject({ outputKb: 100 });
    // Java: the JVM's heap and threads come first, as on Jobe.
    expect(l({ memorylimit: 64, numprocs: 10 }, "java")).toEqual({
      cpuTimeMs: 5000,
      timeoutMs: 10000,
      outputKb: 1024,
      memoryMb: 512,
    });
  });

  it("refuses a cputime above the maximum with Jobe's message", () => {
    expect(
      jobeError(() => toExecuteInput(spec({ language_id: "c", parameters: { cputime: 151 } }), [], bounds)),
    ).toEqual({ status: 400, message: "cputime exceeds maximum allowed on this Jobe server (30 secs)" });
  });

  it("names the source file as Jobe does", () => {
    expect(sourceFileName(spec({ language_id: "cpp", sourcefilename: "__tester__.cpp" }))).toBe("__tester__.cpp");
    expect(sourceFileName(spec({ language_id: "c", sourcefilename: "prog" }))).toBe("prog.c");
    expect(sourceFileName(spec({ language_id: "nodejs", sourcefilename: "__tester__.nodejs" }))).toBe(
      "__tester__.nodejs",
    );
    const java = "public class Test {\n  public static void main(String[] args) {}\n}\n";
    expect(sourceFileName(spec({ language_id: "java", sourcecode: java }))).toBe("Test.java");
    expect(
      javaFileName(
        "class Helper {}\npublic class Blah extends X implements Y {\n static public void main(String[] a) {}}",
      ),
    ).toBe("Blah.java");
    expect(javaFileName("class Quiet {}")).toBeUndefined();
  });

  it("passes support files as base64 under their file_list names", () => {
    const input = toExecuteInput(
      spec({ language_id: "python3" }),
      [{ name: "data", content: Buffer.from([0, 255]) }],
      bounds,
    );
    expect(input.files?.[1]).toEqual({ name: "data", content: "AP8=", encoding: "base64" });
  });
});
