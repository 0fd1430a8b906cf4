import type { BatchResult, Engine, ExecuteRequest } from "../sandbox";
import { stageStatus, stageSucceeded } from "../sandbox/outcome";
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
  /** The slowest test and the largest peak memory over all tests, rounded (see `coarse`). */
  maxTimeMs: number | null;
  maxMemoryBytes: number | null;
}

/** Which tests a judging runs: "samples" are the visible ones, "submit" all of them. */
export type JudgeMode = "samples" | "submit";

const VERDICT_OF = {
  ok: "AC",
  timeout: "TLE",
  memory_limit: "MLE",
  output_limit: "OLE",
  runtime_error: "RE",
} as const;

function verdictOf(run: StageResult | null, test: TestCase, ex: ExerciseDefinition): Verdict {
  if (!run) return "IE";
  const status = stageStatus(run);
  if (status !== "ok") return VERDICT_OF[status];
  return check(ex.checker, test.expected, run.stdout) ? "AC" : "WA";
}

/**
 * Resources over all tests are shown rounded up — time to 100 ms, memory to 4 MiB — so that a
 * program cannot spell out a hidden input in milliseconds or bytes (hidden tests show none).
 */
export const COARSE = { timeMs: 100, memoryBytes: 4 * 1024 * 1024 };
const roundUp = (v: number, step: number) => Math.max(step, Math.ceil(v / step) * step);

/**
 * Compile once, run every test as a fresh process from the same clean files in this
 * submission's own container. `req` was validated at the edge (parseSolution).
 */
export async function judge(
  engine: Engine,
  ex: ExerciseDefinition,
  req: ExecuteRequest,
  mode: JudgeMode,
  opts: { signal?: AbortSignal; runId?: string } = {},
): Promise<Judgement> {
  const selected = ex.tests
    .map((test, index) => ({ test, index }))
    .filter(({ test }) => mode === "submit" || !test.hidden);
  const started = Date.now();
  const batch: BatchResult = await engine.executeBatch(
    req,
    selected.map(({ test }) => test.stdin),
    opts,
  );
  const compileFailed = Boolean(batch.compile && !stageSucceeded(batch.compile));
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
  const times = tests.flatMap((t) => (t.timeMs === null ? [] : [t.timeMs]));
  const memories = tests.flatMap((t) => (t.memoryBytes === null ? [] : [t.memoryBytes]));
  return {
    verdict: firstFailure?.verdict ?? "AC",
    score: tests.reduce((n, t) => n + (t.verdict === "AC" ? t.points : 0), 0),
    maxScore: tests.reduce((n, t) => n + t.points, 0),
    ...(batch.compile ? { compile: batch.compile } : {}),
    tests,
    timeMs: Date.now() - started,
    maxTimeMs: times.length ? roundUp(Math.max(...times), COARSE.timeMs) : null,
    maxMemoryBytes: memories.length ? roundUp(Math.max(...memories), COARSE.memoryBytes) : null,
  };
}

/** What a client may see of a test: a hidden test reveals its verdict and points, nothing else. */
export function publicTest(t: TestResult): PublicTestResult {
  if (!t.hidden) return t;
  return { index: t.index, hidden: true, verdict: t.verdict, points: t.points };
}

/** A test as clients see it: hidden tests carry no time, memory, input or output. */
export type PublicTestResult =
  | TestResult
  | (Pick<TestResult, "index" | "hidden" | "verdict" | "points"> & Partial<TestResult>);

/** A judgement as clients see it. */
export type PublicJudgement = Omit<Judgement, "tests"> & { tests: PublicTestResult[] };
