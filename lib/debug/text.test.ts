import { describe, expect, it } from "vitest";
import type { StageResult } from "../sandbox/types";
import { analyze } from "./analyze";
import { userFile } from "./paths";
import { splitPosition, stripContainerPaths, tidyMessage } from "./text";

describe("text helpers", () => {
  it("collapses repeated lines and repeated two-line frames", () => {
    expect(tidyMessage(["a", "b", "b", "b", "b", "b", "c"])).toBe(
      "a\nb\nb\n    [the line above repeats 3 more times]\nc",
    );
    const pairs = Array.from({ length: 10 }, () => ["main.f()", "\tmain.go:6"]).flat();
    expect(tidyMessage(pairs).split("\n")).toHaveLength(5);
  });

  it("removes container paths but not look-alikes", () => {
    expect(stripContainerPaths('File "/box/main.py" and file:///box/a.mjs and /tmp/runbox/app')).toBe(
      'File "main.py" and a.mjs and app',
    );
    expect(stripContainerPaths("sandbox/box/x")).toBe("sandbox/box/x");
  });

  it("splits positions from the right", () => {
    expect(splitPosition("C:/a:b.js:3:14")).toEqual({ path: "C:/a:b.js", line: 3, column: 14 });
    expect(splitPosition("main.go:7")).toEqual({ path: "main.go", line: 7 });
    expect(splitPosition("nothing")).toBeNull();
  });

  it("maps printed paths to the user's names only", () => {
    const files = ["main.py", "src/util.py", "Main.java"];
    expect(userFile("/box/src/util.py", files)).toBe("src/util.py");
    expect(userFile("./main.py", files)).toBe("main.py");
    expect(userFile("/usr/lib/python3.11/json/__init__.py", files)).toBeNull();
    expect(userFile("main.java", files)).toBe("Main.java");
    expect(userFile("<internal:kernel>", files)).toBeNull();
    expect(userFile("node:internal/modules/cjs/loader", files)).toBeNull();
  });
});

describe("hostile output", () => {
  const LANGUAGES = ["python", "javascript", "typescript", "bash", "ruby", "go", "c", "c++", "rust", "java", "php"];
  const MB = 1024 * 1024;
  const samples: Record<string, string> = {
    colons: ":".repeat(MB),
    positions: "a:1:".repeat(MB / 4),
    parens: "(".repeat(MB),
    escapes: "\u001b[".repeat(MB / 2),
    frames: "    at f (/box/main.js:1:1)\n".repeat(MB / 28),
    tracebacks: '  File "/box/main.py", line 1, in f\n'.repeat(MB / 36),
    errors: "main.c:1:1: error: expected ';' (".repeat(MB / 32),
    lines: "x\n".repeat(MB / 2),
  };

  function stage(text: string): StageResult {
    return {
      stdout: "",
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

  it.each(Object.keys(samples))("stays fast on a megabyte of %s", (name) => {
    const text = samples[name] ?? "";
    const limits = { timeoutMs: 1, compileTimeoutMs: 1, memoryMb: 1, compileMemoryMb: 1, pids: 1, outputKb: 1024 };
    const started = performance.now();
    for (const language of LANGUAGES) {
      const files = ["main.x"];
      analyze({ language, status: "runtime_error", compile: null, run: stage(text), files, limits });
      analyze({ language, status: "compile_error", compile: stage(text), run: null, files, limits });
    }
    // Generous for a slow CI machine; a backtracking regex would take minutes.
    expect(performance.now() - started).toBeLessThan(8000);
  });
});
