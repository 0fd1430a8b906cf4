import { describe, expect, it } from "vitest";
import type { StageResult } from "../sandbox/types";
import { analyze } from "./analyze";
import type { AnalyzeInput } from "./types";

const LIMITS = {
  timeoutMs: 2000,
  compileTimeoutMs: 20000,
  memoryMb: 256,
  compileMemoryMb: 768,
  pids: 64,
  outputKb: 64,
};

function stage(over: Partial<StageResult> = {}): StageResult {
  const stderr = over.stderr ?? "";
  const stdout = over.stdout ?? "";
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

function input(over: Partial<AnalyzeInput>): AnalyzeInput {
  return {
    language: "python",
    status: "runtime_error",
    compile: null,
    run: stage(),
    files: ["main.py"],
    limits: LIMITS,
    ...over,
  };
}

describe("analyze", () => {
  it("has nothing to say about runs that did not fail", () => {
    for (const status of ["ok", "stopped", "interrupted", "internal_error"]) {
      expect(analyze(input({ status, run: stage({ exitCode: 0 }) }))).toBeNull();
    }
  });

  it("names each limit and its value", () => {
    const killed = { exitCode: null, signal: "SIGKILL" };
    const timeout = analyze(input({ status: "timeout", run: stage({ ...killed, timedOut: true }) }));
    expect(timeout).toMatchObject({ category: "timeout", stage: "run", title: "Time limit exceeded (2 s)" });
    expect(timeout?.hint).toMatch(/^The program ran longer than the 2 s time limit/);

    const memory = analyze(input({ status: "memory_limit", run: stage({ ...killed, outOfMemory: true }) }));
    expect(memory?.title).toBe("Memory limit exceeded (256 MB)");

    const output = analyze(
      input({ status: "output_limit", run: stage({ ...killed, outputTruncated: true, stdout: "x\n".repeat(99) }) }),
    );
    expect(output?.title).toBe("Output limit exceeded (64 KB)");
    expect(output?.message).toContain("x");

    // The printed output fit, the files under /box/out did not: the report says so, not "printed more".
    const message =
      "The program wrote more files under /box/out than a run may hand back (8 files, 4 MB in all): 8 kept, 92 left out.";
    const files = analyze(
      input({ status: "output_limit", run: stage({ exitCode: 0, stdout: "done\n", filesDropped: 92, message }) }),
    );
    expect(files).toMatchObject({ category: "output_limit", title: "Too many output files (92 left out)" });
    expect(files?.hint).toMatch(
      /^The program wrote more files under \/box\/out .* 92 left out\. Write fewer or smaller files/,
    );

    const compile = analyze(
      input({
        language: "rust",
        status: "timeout",
        compile: stage({ ...killed, timedOut: true }),
        run: null,
        files: ["main.rs"],
      }),
    );
    expect(compile).toMatchObject({
      category: "timeout",
      stage: "compile",
      title: "Compile time limit exceeded (20 s)",
    });
  });

  it("sees the process limit behind fork failures, even when the time limit ended the run", () => {
    const stderr = "main.sh: fork: retry: Resource temporarily unavailable\n";
    const r = analyze(
      input({
        language: "bash",
        status: "timeout",
        run: stage({ stderr, timedOut: true, signal: "SIGKILL" }),
        files: ["main.sh"],
      }),
    );
    expect(r?.category).toBe("process_limit");
    expect(r?.hint).toContain("64");
    expect(r?.hint).toContain("2 s time limit");
  });

  it("names a language's own out-of-memory error with the limit", () => {
    const stderr =
      "PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes) in /box/main.php on line 4\n";
    const r = analyze(input({ language: "php", run: stage({ stderr, exitCode: 255 }), files: ["main.php"] }));
    expect(r?.category).toBe("memory");
    expect(r?.hint).toContain("128 MB memory_limit");
  });

  it("falls back to the signal, then to the exit code", () => {
    const fpe = analyze(input({ language: "c", run: stage({ exitCode: null, signal: "SIGFPE" }), files: ["main.c"] }));
    expect(fpe?.category).toBe("zero_division");
    const abrt = analyze(input({ language: "c", run: stage({ exitCode: null, signal: "SIGIOT" }), files: ["main.c"] }));
    expect(abrt).toMatchObject({ category: "signal", title: "Crashed: aborted (SIGABRT)" });
    const code = analyze(input({ run: stage({ exitCode: 4, stderr: "bad input\n" }) }));
    expect(code).toMatchObject({ category: "exit_code", title: "Exited with code 4", message: "bad input" });
  });

  it("works for a language without a parser and without file names", () => {
    const r = analyze(input({ language: "cobol", files: [], run: stage({ exitCode: 2 }) }));
    expect(r?.category).toBe("exit_code");
  });

  it("calls an unreadable compile failure a compile error", () => {
    const r = analyze(
      input({ language: "go", status: "compile_error", compile: stage({ stderr: "go: something odd\n" }), run: null }),
    );
    expect(r).toMatchObject({ category: "compile", stage: "compile" });
  });

  it("strips colours and container paths from what it shows", () => {
    const stderr =
      "\u001b[31mTraceback (most recent call last):\u001b[0m\n  File \"/box/src/app.py\", line 2, in <module>\n    x()\nNameError: name 'x' is not defined\n";
    const r = analyze(input({ run: stage({ stderr }), files: ["main.py", "src/app.py"] }));
    expect(r?.locations[0]).toMatchObject({ file: "src/app.py", line: 2 });
    expect(r?.message).not.toContain("\u001b");
    expect(r?.message).not.toContain("/box/");
    expect(r?.message).toContain('File "src/app.py"');
  });

  it("reads diagnostics from stderr, not from what the program printed", () => {
    const stdout = 'Traceback (most recent call last):\n  File "main.py", line 9\nNameError: fake\n';
    const r = analyze(input({ run: stage({ stdout, exitCode: 3 }) }));
    expect(r?.category).toBe("exit_code");
    const quiet = analyze(input({ run: stage({ stdout: "NameError: pretend\n", stderr: "oops\n", exitCode: 3 }) }));
    expect(quiet?.category).toBe("exit_code");
  });
});
