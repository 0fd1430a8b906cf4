import { describe, expect, it } from "vitest";
import { analyze } from "./analyze";
import { boundInput, boundText, COMPILE_HEAD_CHARS, COMPILE_TAIL_CHARS } from "./bounds";
import type { AnalyzeInput } from "./types";

const lines = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`).join("\n");

describe("bounded analysis input", () => {
  it("keeps whole lines from both ends and says how much is left out", () => {
    const text = `${lines(10_000, "head ")}\n${lines(10_000, "tail ")}`;
    const cut = boundText(text, 1000, 1000);
    expect(cut.length).toBeLessThan(2100);
    expect(cut.startsWith("head 0\nhead 1\n")).toBe(true);
    expect(cut.endsWith("tail 9998\ntail 9999")).toBe(true);
    const [before, after] = cut.split(/\n\[… \d+ characters left out …\]\n/);
    for (const part of [before, after]) expect(part?.split("\n").every((l) => /^(head|tail) \d+$/.test(l))).toBe(true);
    // Bounding what is already bounded changes nothing (the worker bounds what it is sent again).
    expect(boundText(cut, 1000, 1000)).toBe(cut);
    expect(boundText("short", 1000, 1000)).toBe("short");
  });

  it("cuts a single huge line without splitting a surrogate pair", () => {
    const text = "🚀".repeat(100_000);
    const cut = boundText(text, 1001, 1001);
    const [before, after] = cut.split(/\n\[… \d+ characters left out …\]\n/);
    expect(before).toBe("🚀".repeat(500));
    expect(after).toBe("🚀".repeat(500));
  });

  it("bounds every stream of every stage, the run's own result untouched", () => {
    const flood = "x\n".repeat(1024 * 1024);
    const stage = {
      stdout: flood,
      stderr: flood,
      output: flood + flood,
      exitCode: 1,
      signal: null,
      timedOut: false,
      outOfMemory: false,
      outputTruncated: false,
      wallTimeMs: 1,
      cpuTimeMs: 1,
      memoryBytes: 1,
    };
    const input: AnalyzeInput = {
      language: "c",
      status: "compile_error",
      compile: stage,
      run: null,
      files: ["main.c"],
      limits: { timeoutMs: 1, compileTimeoutMs: 1, memoryMb: 1, compileMemoryMb: 1, pids: 1, outputKb: 1024 },
    };
    const bounded = boundInput(input);
    for (const text of [bounded.compile?.stdout, bounded.compile?.stderr, bounded.compile?.output]) {
      expect(text?.length).toBeLessThanOrEqual(COMPILE_HEAD_CHARS + COMPILE_TAIL_CHARS + 128);
    }
    expect(stage.output.length).toBe(4 * 1024 * 1024);
  });

  it("reports from the run's facts alone when parsers are off", () => {
    const stage = {
      stdout: "",
      stderr: "main.c:1:1: error: expected ';' before '}' token\n",
      output: "main.c:1:1: error: expected ';' before '}' token\n",
      exitCode: 1,
      signal: null,
      timedOut: false,
      outOfMemory: false,
      outputTruncated: false,
      wallTimeMs: 1,
      cpuTimeMs: 1,
      memoryBytes: 1,
    };
    const input: AnalyzeInput = {
      language: "c",
      status: "compile_error",
      compile: stage,
      run: null,
      files: ["main.c"],
      limits: { timeoutMs: 1, compileTimeoutMs: 1, memoryMb: 1, compileMemoryMb: 1, pids: 1, outputKb: 64 },
    };
    expect(analyze(input)?.category).toBe("syntax");
    expect(analyze(input, { parsers: false })).toMatchObject({
      category: "compile",
      title: "Compilation failed (exit code 1)",
      message: "main.c:1:1: error: expected ';' before '}' token",
      locations: [],
    });
  });
});
