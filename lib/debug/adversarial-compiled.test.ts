/**
 * Hostile output for the compiled languages' toolchains (gcc, javac and the JVM, go, rustc):
 * megabytes shaped for each parser's worst case, many short lines that all look like
 * diagnostics and single lines of megabytes. See adversarial.ts for the budgets.
 */
import { describe, expect, it } from "vitest";
import { expectLinear, lines, long } from "./adversarial";
import { parserFor } from "./parsers/index";

describe("every parser stays linear on hostile output", { timeout: 120_000 }, () => {
  it("gcc compile and link: 35k warnings and 18k undefined references", () => {
    const warnings = (match: boolean) =>
      lines(35_000, (i) => `main.c:${i + 1}:5: warning: ${match ? `implicit declaration of function 'f${i}'` : "w"}`);
    const refs = (name: string) =>
      lines(18_000, (i) => `/usr/bin/ld: main.c:(.text+0x${i.toString(16)}): undefined reference to \`${name}${i}'`);
    const [noMatch, match] = expectLinear("c", "main.c", [
      { name: "warnings naming no undefined symbol", stage: "compile", text: `${warnings(false)}\n${refs("g")}` },
      { name: "every warning names an undefined symbol", stage: "compile", text: `${warnings(true)}\n${refs("f")}` },
      {
        name: "50k errors with excerpts",
        stage: "compile",
        text: lines(50_000, (i) => `main.c:${i}:3: error: 'x${i}' undeclared\n    ${i} |   x${i}();\n      |   ^~`),
      },
      { name: "a 2 MB line of undefined references", stage: "compile", text: long("undefined reference to `") },
      { name: "a 2 MB line of severities", stage: "compile", text: `main.c:1:1: error: ${long(": error: main.c:1:")}` },
      { name: "a 2 MB line of positions", stage: "compile", text: long("main.c:1:") },
    ]);
    // The analysed tail holds the last undefined references; their warnings were too far up.
    expect(noMatch).toMatchObject({
      category: "undefined_function",
      title: expect.stringMatching(/^undefined reference to 'g\d+'$/),
    });
    expect(match?.category).toBe("undefined_function");
    // The parser alone, on the whole text, finds the warning of every undefined reference.
    const whole = parserFor("c").compile?.(`${warnings(true)}\n${refs("f")}`, { files: ["main.c"] });
    expect(whole?.locations).toHaveLength(18_000);
    expect(whole?.locations[0]).toMatchObject({ file: "main.c", line: 1, column: 5 });
    expectLinear("c++", "main.cpp", [
      {
        name: "100k notes after one error",
        stage: "compile",
        text: `main.cpp:1:1: error: 'vector' is not a member of 'std'\n${lines(100_000, () => "main.cpp:1:1: note: candidate: 'int f(int)'")}`,
      },
    ]);
  });

  it("gcc run: assertions, exceptions and heap messages", () => {
    expectLinear("c", "main.c", [
      { name: "unfinished assertions", stage: "run", text: lines(200_000, () => "app: main.c:7: main: Assertion `x") },
      {
        name: "a 2 MB exception name",
        stage: "run",
        text: `terminate called after throwing an instance of '${long("'a")}`,
      },
      { name: "a 2 MB heap message", stage: "run", text: `free(): ${long("free(): a")}` },
      {
        name: "a 2 MB assertion line",
        stage: "run",
        text: `app: main.c:7: main: Assertion \`${long(": Assertion `")}`,
      },
    ]);
  });

  it("java: javac errors and JVM traces", () => {
    expectLinear("java", "Main.java", [
      {
        name: "100k cannot-find-symbol errors",
        stage: "compile",
        text: lines(
          100_000,
          (i) => `Main.java:${i}: error: cannot find symbol\n  symbol:   variable x\n  location: class Main`,
        ),
      },
      { name: "a 2 MB package error", stage: "compile", text: `Main.java:1: error: package ${long(" x")}` },
      { name: "a 2 MB symbol line", stage: "compile", text: `Main.java:1: error: x\n  symbol: ${long(" \t")}` },
      {
        name: "200k frames and 10k causes",
        stage: "run",
        text: `Exception in thread "main" java.lang.StackOverflowError\n${lines(200_000, (i) => `\tat Main.f(Main.java:${i % 5})`)}\n${lines(10_000, () => "Caused by: java.lang.RuntimeException: x")}`,
      },
      { name: "a 2 MB frame", stage: "run", text: `Exception in thread "main" java.lang.Error\n\tat ${long("((")})` },
    ]);
  });

  it("go: build errors and goroutine dumps", () => {
    expectLinear("go", "main.go", [
      {
        name: "100k errors with details",
        stage: "compile",
        text: lines(100_000, (i) => `./main.go:${i}:2: undefined: x${i}\n\thave (int)\n\twant (string)`),
      },
      { name: "a 2 MB package error", stage: "compile", text: `./main.go:1:1: ${long("package ")}` },
      { name: "a 2 MB method error", stage: "compile", text: `./main.go:1:1: x${long(" undefined (type ")}` },
      {
        name: "100k runtime lines, then a 100k-frame goroutine",
        stage: "run",
        text: `${lines(100_000, () => "runtime: x")}\nfatal error: stack overflow\n\ngoroutine 1 [running]:\n${lines(100_000, (i) => `main.f(...)\n\t/box/main.go:${i} +0x1d`)}`,
      },
      {
        name: "a 2 MB frame line",
        stage: "run",
        text: `panic: x\n\ngoroutine 1 [running]:\nmain.f()\n\t${long(" +0x1")}`,
      },
    ]);
  });

  it("rust: diagnostic blocks and panics", () => {
    const blocks = lines(
      100_000,
      (i) => `error[E0425]: cannot find value \`x\` in this scope\n --> main.rs:${i}:5\n  |\n${i} |     x\n  |     ^`,
    );
    const warnings = lines(100_000, (i) => `warning: function cannot return without recursing\n --> main.rs:${i}:1`);
    expectLinear("rust", "main.rs", [
      { name: "100k error blocks", stage: "compile", text: blocks },
      { name: "a 2 MB arrow line", stage: "compile", text: `error: x\n${long("--> ")}` },
      {
        name: "a stack overflow after 100k warnings",
        stage: "run",
        text: "thread 'main' has overflowed its stack",
        compileOutput: warnings,
      },
      { name: "a 2 MB thread name", stage: "run", text: `thread '${long("' ")}` },
      {
        name: "a 2 MB panic message",
        stage: "run",
        text: `thread 'main' panicked at '${long("range start index ")}', main.rs:1:1`,
      },
      { name: "200k panics", stage: "run", text: lines(200_000, () => "thread 'main' panicked at 'x', main.rs:1:1") },
    ]);
  });
});
