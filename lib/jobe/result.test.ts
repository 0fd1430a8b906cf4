import { describe, expect, it } from "vitest";
import type { ExecutionResult, StageResult } from "../sandbox/types";
import { OUTCOME, toJobeResult } from "./result";

const stage = (s: Partial<StageResult> = {}): StageResult => ({
  stdout: "",
  stderr: "",
  output: "",
  exitCode: 0,
  signal: null,
  timedOut: false,
  outOfMemory: false,
  outputTruncated: false,
  wallTimeMs: 10,
  cpuTimeMs: 5,
  memoryBytes: 1000,
  ...s,
});
const result = (r: Partial<ExecutionResult>): ExecutionResult => ({
  language: "c",
  version: "1",
  status: "ok",
  limits: {} as ExecutionResult["limits"],
  wallTimeMs: 20,
  ...r,
});
const jobe = (r: Partial<ExecutionResult>, languageId = "c", entry = "prog.c") =>
  toJobeResult("id1", result(r), { languageId, entry });

describe("toJobeResult", () => {
  it("is success whatever the exit code when nothing went to stderr (Jobe ignores exit codes)", () => {
    expect(jobe({ run: stage({ stdout: "hi\n", exitCode: 3 }), status: "runtime_error" })).toEqual({
      run_id: "id1",
      outcome: OUTCOME.success,
      cmpinfo: "",
      stdout: "hi\n",
      stderr: "",
    });
  });

  it("is a runtime error for any stderr, or death by a signal", () => {
    expect(jobe({ run: stage({ stderr: "warn\n" }) }).outcome).toBe(OUTCOME.runtimeError);
    expect(jobe({ run: stage({ exitCode: null, signal: "SIGSEGV" }), status: "runtime_error" }).outcome).toBe(
      OUTCOME.runtimeError,
    );
  });

  it("is a compile error for a failed compile, or any compiler output at all", () => {
    const failed = jobe({ compile: stage({ exitCode: 1, stderr: "prog.c:3: error: x" }), status: "compile_error" });
    expect(failed).toMatchObject({ outcome: OUTCOME.compileError, cmpinfo: "prog.c:3: error: x", stdout: "" });
    const warned = jobe({ compile: stage({ stderr: "Note: unchecked" }), run: stage({ stdout: "x" }) }, "java");
    expect(warned.outcome).toBe(OUTCOME.compileError);
  });

  it("clears stderr for time and memory limits (CodeRunner reads any stderr as a runtime error)", () => {
    const t = jobe({ run: stage({ timedOut: true, stderr: "Killed", stdout: "partial" }), status: "timeout" });
    expect(t).toMatchObject({ outcome: OUTCOME.timeLimit, stderr: "", stdout: "partial" });
    expect(jobe({ run: stage({ outputTruncated: true }), status: "output_limit" }).outcome).toBe(OUTCOME.timeLimit);
    expect(jobe({ run: stage({ outOfMemory: true, signal: "SIGKILL" }), status: "memory_limit" })).toMatchObject({
      outcome: OUTCOME.memoryLimit,
      stderr: "",
    });
  });

  it("answers a Python syntax error in the program as a compile error, as py_compile would", () => {
    const stderr = '  File "/box/test.py", line 1\n    print("hi"\n         ^\nSyntaxError: \'(\' was never closed\n';
    const r = jobe({ run: stage({ exitCode: 1, stderr }), status: "runtime_error" }, "python3", "test.py");
    expect(r).toMatchObject({ outcome: OUTCOME.compileError, stdout: "", stderr: "" });
    expect(r.cmpinfo).toBe(
      '  File "test.py", line 1\n    print("hi"\n         ^\nSyntaxError: \'(\' was never closed\n',
    );
    // In an imported module it happens at run time, with a traceback: a runtime error, as on Jobe.
    const imported = `Traceback (most recent call last):\n  File "/box/test.py", line 1, in <module>\n    import m\n${stderr.replace("test.py", "m.py")}`;
    expect(jobe({ run: stage({ exitCode: 1, stderr: imported }) }, "python3", "test.py").outcome).toBe(
      OUTCOME.runtimeError,
    );
    // Printed by the program after some output: not a compile error.
    expect(jobe({ run: stage({ exitCode: 1, stdout: "x", stderr }) }, "python3", "test.py").outcome).toBe(
      OUTCOME.runtimeError,
    );
  });

  it("answers a PHP parse error in the program as a compile error, as php -l would", () => {
    const run = stage({
      exitCode: 255,
      stdout: "\nParse error: syntax error, unexpected end of file in /box/t.php on line 2\n",
      stderr: "PHP Parse error:  syntax error, unexpected end of file in /box/t.php on line 2\n",
    });
    const r = jobe({ run, status: "runtime_error" }, "php", "t.php");
    expect(r).toMatchObject({ outcome: OUTCOME.compileError, stdout: "" });
    expect(r.cmpinfo).toBe("PHP Parse error:  syntax error, unexpected end of file in t.php on line 2\n");
    expect(jobe({ run, status: "runtime_error" }, "php", "other.php").outcome).toBe(OUTCOME.runtimeError);
  });

  it("shows file names without Runbox's work directory, as CodeRunner shows Jobe's", () => {
    const r = jobe({ run: stage({ stderr: "/box/t.js:1\nat /box/lib/x.js:2 and /tmp/box/keep" }) }, "nodejs");
    expect(r.stderr).toBe("t.js:1\nat lib/x.js:2 and /tmp/box/keep");
  });

  it("turns Java's tabs in stack traces into spaces, as Jobe's Java task does", () => {
    const r = jobe({ run: stage({ stderr: "Exception\n\tat Main.main(Main.java:3)" }) }, "java");
    expect(r.stderr).toBe("Exception\n        at Main.main(Main.java:3)");
  });

  it("is an internal error when the engine failed around the program", () => {
    expect(jobe({ status: "internal_error" }).outcome).toBe(OUTCOME.internalError);
  });
});
