import { describe, expect, it } from "vitest";
import { toolchainArgProblems } from "./toolchain-args";

describe("toolchain arguments", () => {
  it("accepts the flags CodeRunner questions use", () => {
    expect(
      toolchainArgProblems("c", { compileArgs: ["-Wall", "-Werror", "-std=c99", "-x", "c"], linkArgs: ["-lm"] }, true),
    ).toEqual({});
    expect(toolchainArgProblems("c++", { compileArgs: ["-Wall", "-Werror", "-std=c++17", "-O2"] }, true)).toEqual({});
    expect(
      toolchainArgProblems(
        "java",
        { compileArgs: ["-Xlint:unchecked"], interpreterArgs: ["-Xrs", "-Xss8m", "-Xmx200m"] },
        true,
      ),
    ).toEqual({});
    expect(toolchainArgProblems("python", { interpreterArgs: ["-BE"] }, false)).toEqual({});
  });

  it("accepts warnings made errors (or not) by name, as teaching questions use them", () => {
    expect(
      toolchainArgProblems(
        "c",
        { compileArgs: ["-Werror=return-type", "-Wno-error=unused-variable", "-Wframe-larger-than=4096"] },
        true,
      ),
    ).toEqual({});
  });

  it.each([
    ["-wrapper", "/bin/sh,-c,id"],
    ["-B/box"],
    ["-specs=/box/x.specs"],
    ["-fplugin=/box/p.so"],
    ["-Wl,-plugin,/box/p.so"],
    ["-Wp,-MD,/tmp/x"],
    ["@/box/opts"],
    ["-o", "/tmp/x"],
  ])("refuses compiler arguments that could run other programs: %j", (...args) => {
    const problems = toolchainArgProblems("c", { compileArgs: args }, true);
    expect(problems["toolchain.compileArgs"]).toMatch(/not allowed/);
  });

  it("refuses javac options that load code, and arguments for languages without a list", () => {
    expect(
      toolchainArgProblems("java", { compileArgs: ["-processorpath", "/box"] }, true)["toolchain.compileArgs"],
    ).toBeTruthy();
    expect(
      toolchainArgProblems("java", { compileArgs: ["-J-javaagent:/box/a.jar"] }, true)["toolchain.compileArgs"],
    ).toBeTruthy();
    expect(toolchainArgProblems("rust", { compileArgs: ["-O"] }, true)["toolchain.compileArgs"]).toMatch(
      /takes no compiler/,
    );
    expect(toolchainArgProblems("c", { linkArgs: ["-L/box", "-lx"] }, true)["toolchain.linkArgs"]).toMatch(
      /not allowed/,
    );
    expect(toolchainArgProblems("go", { interpreterArgs: ["x"] }, true)["toolchain.interpreterArgs"]).toMatch(
      /compiled/,
    );
  });
});
