/**
 * Hostile output for the interpreters (Python, Node and tsc, Ruby, PHP, Bash) and for the
 * shared text helpers: megabytes shaped for each parser's worst case, many short lines that
 * all look like errors and single lines of megabytes. See adversarial.ts for the budgets.
 */
import { describe, it } from "vitest";
import { type Case, expectLinear, lines, long } from "./adversarial";

describe("every parser stays linear on hostile output", { timeout: 120_000 }, () => {
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
