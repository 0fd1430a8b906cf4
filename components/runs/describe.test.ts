import { describe, expect, it } from "vitest";
import { limitSentence, ordinal, previewLine, queueSentence, statusLabel } from "./describe";

describe("previewLine", () => {
  it("is the first non-blank line, cut short", () => {
    expect(previewLine("\n  \n# hello\nprint()")).toBe("# hello");
    expect(previewLine("x".repeat(1024 * 1024))).toBe(`${"x".repeat(160)}…`);
    expect(previewLine(`${" ".repeat(1024 * 1024)}\nok`)).toBe("ok");
    expect(previewLine("")).toBe("");
  });
});

describe("limitSentence for an interactive run", () => {
  const terminal = {
    tty: true,
    idleMs: 60_000,
    sessionMs: 600_000,
    inputCapBytes: 1 << 20,
    inputBytes: 0,
    inputEnded: false,
  };
  const stopped = (timeoutKind: "cpu" | "idle" | "wall") =>
    ({
      stdout: "",
      stderr: "",
      output: "",
      exitCode: null,
      signal: "SIGKILL",
      timedOut: true,
      timeoutKind,
      outOfMemory: false,
      outputTruncated: false,
      wallTimeMs: 1,
      cpuTimeMs: 1,
      memoryBytes: 1,
    }) as const;
  it("names the clock that stopped it", () => {
    const limits = { timeoutMs: 5000 };
    expect(limitSentence("timeout", stopped("idle"), limits, false, terminal)).toBe(
      "Nothing happened for 60 s (no output and no input), so the program was stopped: that is the idle limit.",
    );
    expect(limitSentence("timeout", stopped("wall"), limits, false, terminal)).toBe(
      "The run reached the 10 min session limit and was stopped.",
    );
    expect(limitSentence("timeout", stopped("cpu"), limits, false, terminal)).toMatch(
      /more CPU time than its 5 s time limit/,
    );
    expect(limitSentence("timeout", stopped("wall"), limits, false, null)).toMatch(
      /ran longer than the 5 s time limit/,
    );
  });
});

describe("ordinal and queueSentence", () => {
  it("says each place in line in English", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(ordinal)).toEqual([
      "1st",
      "2nd",
      "3rd",
      "4th",
      "11th",
      "12th",
      "13th",
      "21st",
      "22nd",
      "23rd",
      "101st",
      "111th",
    ]);
    expect(queueSentence(3)).toBe("Waiting for a free sandbox — 3rd in line");
  });
});

describe("statusLabel", () => {
  it("calls a run-time syntax error a syntax error, as the debug report's badge does", () => {
    expect(statusLabel("runtime_error", "syntax")).toBe("Syntax error");
    expect(statusLabel("runtime_error", "name")).toBe("Runtime error");
    expect(statusLabel("compile_error", "syntax")).toBe("Compile error");
    expect(statusLabel("ok")).toBe("OK");
  });
});

describe("limitSentence for a run that wrote too many files", () => {
  it("says what happened to the files, not that it printed too much", () => {
    const run = {
      stdout: "done\n",
      stderr: "",
      output: "done\n",
      exitCode: 0,
      signal: null,
      timedOut: false,
      outOfMemory: false,
      outputTruncated: false,
      wallTimeMs: 1,
      cpuTimeMs: 1,
      memoryBytes: 1,
      filesDropped: 3,
    };
    expect(limitSentence("output_limit", run, { outputKb: 64 }, false)).toBe(
      "The program wrote more files under /box/out than a run may hand back: 3 left out.",
    );
    expect(limitSentence("output_limit", { ...run, message: "8 kept, 3 left out." }, { outputKb: 64 }, false)).toBe(
      "8 kept, 3 left out.",
    );
    expect(limitSentence("output_limit", { ...run, filesDropped: 0 }, { outputKb: 64 }, false)).toBe(
      "The program printed more than the 64 KB output limit, so it was stopped.",
    );
  });
});
