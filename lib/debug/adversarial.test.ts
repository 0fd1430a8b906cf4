/**
 * Hostile output for every toolchain's parser: megabytes shaped for each parser's worst case
 * (many short lines that all look like diagnostics, and single lines of a megabyte or more).
 * Each parser must stay linear on the raw text it is handed, and analyze() (which also caps
 * the text it reads) must stay well inside the budget. CPU time is measured in this process,
 * so a busy machine slows the test down without failing it.
 */
import { describe, expect, it } from "vitest";
import type { StageResult } from "../sandbox/types";
import { analyze } from "./analyze";
import { parserFor } from "./parsers/index";
import type { AnalyzeInput, DebugReport } from "./types";

/**
 * Generous: on multi-MB text the linear parsers need at most ~0.5 s here, analyze() (which
 * reads a bounded part) ~20 ms; the quadratic gcc parser needed 12 s.
 */
const PARSER_BUDGET_MS = 2000;
const ANALYZE_BUDGET_MS = 500;
const MB = 1024 * 1024;
/** What a report may hold, however much the program printed. */
const MAX_LOCATIONS = 50;
const MAX_FRAMES = 30;

interface Case {
  name: string;
  stage: "compile" | "run";
  text: string;
  compileOutput?: string;
}

/** `n` lines built by `line(i)`, joined. */
const lines = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i)).join("\n");
/** One line of about `bytes` characters made of `unit`. */
const long = (unit: string, bytes = 2 * MB) => unit.repeat(Math.ceil(bytes / unit.length));

function cpuMs(fn: () => unknown): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** 32 files (the request maximum), so every path lookup has the most names to compare. */
const filesFor = (entry: string) => [
  entry,
  ...Array.from({ length: 31 }, (_, i) => `src/m${i}${entry.slice(entry.lastIndexOf("."))}`),
];

function stage(text: string): StageResult {
  return {
    stdout: text,
    stderr: text,
    output: text,
    exitCode: 1,
    signal: null,
    timedOut: false,
    outOfMemory: false,
    outputTruncated: false,
    wallTimeMs: 1,
    cpuTimeMs: 1,
    memoryBytes: 1,
  };
}

function inputFor(language: string, entry: string, c: Case): AnalyzeInput {
  const compile =
    c.stage === "compile" ? stage(c.text) : c.compileOutput ? { ...stage(c.compileOutput), exitCode: 0 } : null;
  return {
    language,
    status: c.stage === "compile" ? "compile_error" : "runtime_error",
    compile,
    run: c.stage === "run" ? stage(c.text) : null,
    files: filesFor(entry),
    limits: { timeoutMs: 2000, compileTimeoutMs: 20000, memoryMb: 256, compileMemoryMb: 768, pids: 64, outputKb: 1024 },
  };
}

/** Runs every case through the parser (raw text) and analyze(); returns the reports. */
function expectLinear(language: string, entry: string, cases: Case[]): (DebugReport | null)[] {
  const parser = parserFor(language);
  const files = filesFor(entry);
  return cases.map((c) => {
    const parse = c.stage === "compile" ? parser.compile : parser.run;
    const parseMs = cpuMs(() => parse?.(c.text, { files, compileOutput: c.compileOutput }));
    expect(parseMs, `${language} parser, ${c.name} (${(c.text.length / MB).toFixed(1)} MB)`).toBeLessThan(
      PARSER_BUDGET_MS,
    );
    let report: DebugReport | null = null;
    const analyzeMs = cpuMs(() => {
      report = analyze(inputFor(language, entry, c));
    });
    expect(analyzeMs, `${language} analyze(), ${c.name}`).toBeLessThan(ANALYZE_BUDGET_MS);
    const r = report as DebugReport | null;
    expect(r, `${language} ${c.name}`).not.toBeNull();
    expect(r?.locations.length ?? 0).toBeLessThanOrEqual(MAX_LOCATIONS);
    expect(r?.frames.length ?? 0).toBeLessThanOrEqual(MAX_FRAMES);
    expect(JSON.stringify(r).length).toBeLessThan(64 * 1024);
    return r;
  });
}

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

  it("python: deep tracebacks and long exception lines", () => {
    expectLinear("python", "main.py", [
      {
        name: "a 200k-frame traceback",
        stage: "run",
        text: `Traceback (most recent call last):\n${lines(200_000, (i) => `  File "/box/main.py", line ${i}, in f\n    f()`)}\nRecursionError: maximum recursion depth exceeded`,
      },
      { name: "a 2 MB name-like line", stage: "run", text: long("Aa_.") },
      {
        name: "300k indented lines above an error",
        stage: "run",
        text: `${lines(300_000, () => "  x")}\nValueError: x`,
      },
      {
        name: "a 2 MB File line",
        stage: "run",
        text: `Traceback (most recent call last):\n  File "${long('"')}\nNameError: x`,
      },
      {
        name: "long attribute messages",
        stage: "run",
        text: `AttributeError: ${long("attribute 'aaaaaaaa")}`,
      },
    ]);
  });

  it("node and typescript: frames, error lines and tsc diagnostics", () => {
    const frames = lines(200_000, (i) => `    at f${i} (/box/main.js:${i}:3)`);
    const runCases: Case[] = [
      { name: "200k frames", stage: "run", text: `RangeError: Maximum call stack size exceeded\n${frames}` },
      {
        name: "200k error-like lines",
        stage: "run",
        text: lines(200_000, () => "Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa: x"),
      },
      { name: "a 2 MB error name", stage: "run", text: long("Ab$") },
      {
        name: "a long destructuring message",
        stage: "run",
        text: `TypeError: Cannot destructure property ${long(" of ")}`,
      },
      { name: "a 2 MB frame", stage: "run", text: `Error: x\n    at ${long(" (")}` },
    ];
    expectLinear("javascript", "main.js", runCases);
    expectLinear("typescript", "main.ts", [
      ...runCases,
      {
        name: "100k diagnostics with continuation lines",
        stage: "compile",
        text: lines(100_000, (i) => `main.ts(${i},1): error TS2304: Cannot find name 'x'.\n  Type 'x' is not 'y'.`),
      },
      { name: "a 2 MB line of brackets", stage: "compile", text: `${long("(1,1")}): error TS2304: x` },
      { name: "a 2 MB line of diagnostics", stage: "compile", text: long("error TS1: ") },
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

  it("ruby: syntax error lists and long backtraces", () => {
    expectLinear("ruby", "main.rb", [
      {
        name: "100k syntax errors",
        stage: "run",
        text: lines(100_000, (i) => `main.rb:${i}: syntax error, unexpected end`),
      },
      {
        name: "200k from-lines",
        stage: "run",
        text: `main.rb:2:in \`f': stack level too deep (SystemStackError)\n${lines(200_000, (i) => `\tfrom main.rb:${i}:in \`f'`)}`,
      },
      { name: "200k almost-exceptions", stage: "run", text: lines(200_000, () => "x: y (Zzz") },
      { name: "a 2 MB line", stage: "run", text: `main.rb:1:in \`${long(": (A")})` },
    ]);
  });

  it("php: warnings before a fatal error, and stack traces", () => {
    expectLinear("php", "main.php", [
      {
        name: "100k undefined-variable warnings before a long fatal error",
        stage: "run",
        text: `${lines(100_000, () => "PHP Warning:  Undefined variable $x in /box/main.php on line 1")}\nPHP Fatal error:  Uncaught Error: ${"a".repeat(1900)} in /box/main.php:4`,
      },
      {
        name: "a 200k-call stack trace",
        stage: "run",
        text: `PHP Fatal error:  Uncaught Error: x in /box/main.php:4\nStack trace:\n${lines(200_000, (i) => `#${i} /box/main.php(${i}): f()`)}`,
      },
      { name: "a 2 MB call line", stage: "run", text: `PHP Fatal error:  x\n#0 ${long("(1")}` },
      { name: "a 2 MB warning", stage: "run", text: `PHP Warning:  ${long(" in ")}` },
    ]);
  });

  it("bash: error after error", () => {
    expectLinear("bash", "main.sh", [
      {
        name: "200k errors",
        stage: "run",
        text: lines(200_000, (i) => `main.sh: line ${i}: x${i}: command not found`),
      },
      { name: "a 2 MB line", stage: "run", text: `main.sh: line 1: ${long(": line ")}` },
      { name: "200k almost-errors", stage: "run", text: lines(200_000, () => "x: line y: z") },
    ]);
  });

  it("terminal escapes that never end", () => {
    expectLinear("python", "main.py", [
      { name: "an unterminated CSI", stage: "run", text: `\u001b[${long("0")}\nNameError: x` },
      { name: "an unterminated OSC", stage: "run", text: `\u001b]${long("a")}\nNameError: x` },
      { name: "500k escapes", stage: "run", text: `${long("\u001b[0\u001b]")}\nNameError: x` },
    ]);
  });
});
