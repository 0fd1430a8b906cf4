import { describe, expect, it } from "vitest";
import type { StageResult } from "../sandbox/types";
import { analyze } from "./analyze";
import { readsInput } from "./reads-input";
import type { AnalyzeInput, InputFacts } from "./types";

const LIMITS = {
  timeoutMs: 2000,
  compileTimeoutMs: 20000,
  memoryMb: 256,
  compileMemoryMb: 768,
  pids: 64,
  outputKb: 64,
};

function stage(over: Partial<StageResult> = {}): StageResult {
  const stdout = over.stdout ?? "";
  const stderr = over.stderr ?? "";
  return {
    stdout,
    stderr,
    output: stdout + stderr,
    exitCode: 1,
    signal: null,
    timedOut: false,
    outOfMemory: false,
    outputTruncated: false,
    wallTimeMs: 10,
    cpuTimeMs: 5,
    memoryBytes: 1_000_000,
    ...over,
  };
}

const batch = (bytes: number, reads = true): InputFacts => ({
  interactive: false,
  bytes,
  ended: true,
  readsInput: reads,
});

function input(
  language: string,
  run: StageResult,
  facts: InputFacts | undefined,
  status = "runtime_error",
): AnalyzeInput {
  return { language, status, compile: null, run, files: ["main"], limits: LIMITS, ...(facts ? { input: facts } : {}) };
}

const SAYS = "Your program asked for more input than it was given";

describe("ran out of input", () => {
  it("Python's EOFError, whatever was given", () => {
    const eof = stage({
      stderr:
        'Traceback (most recent call last):\n  File "/box/main", line 2, in <module>\n    age = input()\nEOFError: EOF when reading a line\n',
    });
    const r = analyze(input("python", eof, batch(4)));
    expect(r).toMatchObject({ category: "input", title: SAYS, locations: [{ file: "main", line: 2 }] });
    expect(r?.message).toContain("EOFError");
    expect(r?.hint).toMatch(/type the missing answers in the terminal .* Input box/);
    expect(r?.hint).toContain("`input()`");
  });

  it("C++ cin that printed garbage and exited 0 when given no input", () => {
    const ok = stage({ stdout: "Name? Hello, !\n", exitCode: 0 });
    const r = analyze(input("c++", ok, batch(0), "ok"));
    expect(r).toMatchObject({ category: "input", title: SAYS });
    expect(r?.message).toContain("Hello, !");
    expect(r?.hint).toMatch(/given no input at all/);
    expect(r?.hint).toContain("std::cin >> n");
  });

  it("says nothing about an ok run that was given input, reads none, or whose input is unknown", () => {
    const ok = stage({ stdout: "hi\n", exitCode: 0 });
    expect(analyze(input("c", ok, batch(3), "ok"))).toBeNull();
    expect(analyze(input("c", ok, batch(0, false), "ok"))).toBeNull();
    expect(analyze(input("c", ok, undefined, "ok"))).toBeNull();
    // Interactive and still open (stopped by the idle limit, say): the input did not end.
    expect(analyze(input("c", ok, { interactive: true, bytes: 0, ended: false, readsInput: true }, "ok"))).toBeNull();
  });

  it("Ruby's nil from gets, Java's Scanner and Rust's empty parse", () => {
    const ruby = stage({ stderr: "main.rb:2:in '<main>': undefined method 'chomp' for nil (NoMethodError)\n" });
    expect(analyze(input("ruby", ruby, batch(5)))?.category).toBe("input");
    const java = stage({
      stderr:
        'Exception in thread "main" java.util.NoSuchElementException: No line found\n\tat java.base/java.util.Scanner.nextLine(Scanner.java:1660)\n\tat Main.main(Main.java:5)\n',
    });
    expect(analyze(input("java", java, batch(0)))?.category).toBe("input");
    const rust = stage({
      stderr:
        "thread 'main' panicked at src/main.rs:6:38:\ncalled `Result::unwrap()` on an `Err` value: ParseIntError { kind: Empty }\n",
      exitCode: 101,
    });
    expect(analyze(input("rust", rust, batch(0)))?.category).toBe("input");
  });

  it("leaves unrelated errors alone", () => {
    const name = stage({
      stderr:
        "Traceback (most recent call last):\n  File \"/box/main\", line 1, in <module>\nNameError: name 'x' is not defined\n",
    });
    expect(analyze(input("python", name, batch(0)))?.category).toBe("name");
    // A nil error in a program that reads nothing is just a nil error.
    const ruby = stage({ stderr: "main.rb:2:in '<main>': undefined method 'upcase' for nil (NoMethodError)\n" });
    expect(analyze(input("ruby", ruby, batch(0, false)))?.category).toBe("null_reference");
  });

  it("speaks of the terminal for an interactive run ended with Ctrl-D", () => {
    const eof = stage({ stdout: "Age? Traceback (most recent call last):\r\nEOFError\r\n", stderr: "" });
    const facts: InputFacts = { interactive: true, bytes: 0, ended: true, readsInput: true };
    const r = analyze(input("python", { ...eof, stderr: eof.output }, facts));
    expect(r?.category).toBe("input");
    expect(r?.hint).toMatch(/Ctrl-D/);
  });
});

describe("interactive limits", () => {
  const facts: InputFacts = {
    interactive: true,
    bytes: 3,
    ended: false,
    readsInput: true,
    idleMs: 60_000,
    sessionMs: 600_000,
  };
  const stopped = (kind: "cpu" | "idle" | "wall") =>
    analyze(
      input(
        "python",
        stage({ exitCode: null, signal: "SIGKILL", timedOut: true, timeoutKind: kind }),
        facts,
        "timeout",
      ),
    );

  it("name the clock that stopped the run", () => {
    expect(stopped("cpu")?.title).toBe("CPU time limit exceeded (2 s)");
    expect(stopped("idle")).toMatchObject({ title: "Idle limit reached (60 s)" });
    expect(stopped("idle")?.hint).toMatch(/type an answer in the terminal/);
    expect(stopped("wall")?.title).toBe("Session limit reached (10 min)");
  });

  it("call Ctrl-C an interruption, not a crash", () => {
    const r = analyze(input("c", stage({ exitCode: null, signal: "SIGINT" }), facts));
    expect(r).toMatchObject({ category: "signal", title: "Interrupted with Ctrl-C (SIGINT)" });
  });
});

describe("readsInput", () => {
  it("knows each language's usual read calls", () => {
    const yes: [string, string][] = [
      ["python", "name = input('Name? ')"],
      ["c", 'scanf("%d", &n);'],
      ["c++", "std::cin >> n;"],
      ["java", "Scanner in = new Scanner(System.in);"],
      ["ruby", "name = gets.chomp"],
      ["javascript", "const rl = require('readline')"],
      ["typescript", "import * as readline from 'node:readline'"],
      ["go", "fmt.Scan(&n)"],
      ["rust", "io::stdin().read_line(&mut s)"],
      ["php", "$line = fgets(STDIN);"],
      ["bash", "read -r name"],
    ];
    for (const [lang, src] of yes) expect(readsInput(lang, [src]), lang).toBe(true);
    expect(readsInput("python", ["print('hi')"])).toBe(false);
    expect(readsInput("bash", ["echo ready"])).toBe(false);
    expect(readsInput("c", ['printf("x");'])).toBe(false);
  });
});
