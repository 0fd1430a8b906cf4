import { describe, expect, it } from "vitest";
import { limitSentence, previewLine } from "./describe";

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
