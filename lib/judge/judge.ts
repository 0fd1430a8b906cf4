import { ValidationError } from "../sandbox/errors";
import { type BatchResult, executeBatch } from "../sandbox/execute";
import { findLanguage } from "../sandbox/languages";
import { limitBounds } from "../sandbox/limits";
import type { StageResult } from "../sandbox/types";
import { check } from "./checkers";
import type { ExerciseDefinition, TestCase } from "./exercise";

export type Verdict = "AC" | "WA" | "TLE" | "MLE" | "RE" | "CE" | "OLE" | "IE";

/** One test's outcome; stdin/expected/actual are dropped for hidden tests before leaving the server. */
export interface TestResult {
  index: number;
  hidden: boolean;
  verdict: Verdict;
  points: number;
  timeMs: number | null;
  memoryBytes: number | null;
  stdin?: string;
  expected?: string;
  actual?: string;
  stderr?: string;
  exitCode?: number | null;
  signal?: string | null;
}

export interface Judgement {
  verdict: Verdict;
  score: number;
  maxScore: number;
  compile?: StageResult;
  tests: TestResult[];
  /** Wall time of the whole judging, compile included. */
  timeMs: number;
}

export interface Solution {
  language: string;
  files: { name?: string; content: string }[];
}

/** Which tests a judging runs: "samples" are the visible ones, "submit" all of them. */
export type JudgeMode = "samples" | "submit";

function verdictOf(run: StageResult | null, test: TestCase, ex: ExerciseDefinition): Verdict {
  if (!run) return "IE";
  if (run.timedOut) return "TLE";
  if (run.outOfMemory) return "MLE";
  if (run.outputTruncated) return "OLE";
  if (run.exitCode !== 0 || run.signal) return "RE";
  return check(ex.checker, test.expected, run.stdout) ? "AC" : "WA";
}

/** Compile once, run every test as a fresh process in this submission's own container. */
export async function judge(
  ex: ExerciseDefinition,
  solution: Solution,
  mode: JudgeMode,
  opts: { signal?: AbortSignal; runId?: string } = {},
): Promise<Judgement> {
  const language = findLanguage(solution.language);
  if (!language)
    throw new ValidationError(`Unknown language "${solution.language}".`, { language: "Unknown language." });
  if (ex.languages && !ex.languages.includes(language.id)) {
    throw new ValidationError(`This exercise accepts ${ex.languages.join(", ")}.`, {
      language: `Not allowed for this exercise.`,
    });
  }
  const selected = ex.tests
    .map((test, index) => ({ test, index }))
    .filter(({ test }) => mode === "submit" || !test.hidden);
  const { maxima } = limitBounds();
  const limits = {
    timeoutMs: Math.min(ex.limits.timeoutMs, maxima.timeoutMs),
    memoryMb: Math.min(ex.limits.memoryMb, maxima.memoryMb),
  };
  const started = Date.now();
  const batch: BatchResult = await executeBatch(
    { language: language.id, files: solution.files, limits },
    selected.map(({ test }) => test.stdin),
    opts,
  );
  const compileFailed = Boolean(
    batch.compile && (batch.compile.exitCode !== 0 || batch.compile.signal || batch.compile.timedOut),
  );
  const tests: TestResult[] = selected.map(({ test, index }, i) => {
    const run = batch.runs[i] ?? null;
    return {
      index,
      hidden: test.hidden,
      points: test.points,
      verdict: compileFailed ? "CE" : verdictOf(run, test, ex),
      timeMs: run?.wallTimeMs ?? null,
      memoryBytes: run?.memoryBytes ?? null,
      stdin: test.stdin,
      expected: test.expected,
      actual: run?.stdout,
      stderr: run?.stderr,
      exitCode: run?.exitCode,
      signal: run?.signal,
    };
  });
  const firstFailure = tests.find((t) => t.verdict !== "AC");
  return {
    verdict: firstFailure?.verdict ?? "AC",
    score: tests.reduce((n, t) => n + (t.verdict === "AC" ? t.points : 0), 0),
    maxScore: tests.reduce((n, t) => n + t.points, 0),
    compile: batch.compile,
    tests,
    timeMs: Date.now() - started,
  };
}

/** What a client may see of a test: hidden tests reveal only their verdict and resources. */
export function publicTest(t: TestResult): TestResult {
  if (!t.hidden) return t;
  return {
    index: t.index,
    hidden: true,
    verdict: t.verdict,
    points: t.points,
    timeMs: t.timeMs,
    memoryBytes: t.memoryBytes,
  };
}
