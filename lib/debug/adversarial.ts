/**
 * The harness of the adversarial tests (adversarial-*.test.ts): runs crafted output through a
 * parser (raw text) and analyze() (bounded text), each within a CPU budget measured in this
 * process, so a busy machine slows the tests down without failing them.
 */
import { expect } from "vitest";
import type { StageResult } from "../sandbox/types";
import { analyze } from "./analyze";
import { parserFor } from "./parsers/index";
import type { AnalyzeInput, DebugReport } from "./types";

/**
 * Generous: on multi-MB text the linear parsers need at most ~0.5 s here, analyze() (which
 * reads a bounded part) ~20 ms; the quadratic gcc parser needed 12 s.
 */
export const PARSER_BUDGET_MS = 2000;
const ANALYZE_BUDGET_MS = 500;
export const MB = 1024 * 1024;
/** What a report may hold, however much the program printed. */
const MAX_LOCATIONS = 50;
const MAX_FRAMES = 30;

export interface Case {
  name: string;
  stage: "compile" | "run";
  text: string;
  compileOutput?: string;
}

/** `n` lines built by `line(i)`, joined. */
export const lines = (n: number, line: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => line(i)).join("\n");
/** One line of about `bytes` characters made of `unit`. */
export const long = (unit: string, bytes = 2 * MB) => unit.repeat(Math.ceil(bytes / unit.length));

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
export function expectLinear(language: string, entry: string, cases: Case[]): (DebugReport | null)[] {
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
