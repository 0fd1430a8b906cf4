import "server-only";
import { nanoid } from "nanoid";
import { saveSubmission } from "../db/submissions";
import { analyzeOffThread } from "../debug/analyze-off-thread";
import type { DebugReport } from "../debug/types";
import type { Engine, ExecuteRequest } from "../sandbox";
import type { ExerciseDefinition } from "./exercise";
import { type JudgeMode, type Judgement, judge, type PublicJudgement, publicTest } from "./judge";

/** Judge a solution (validated at the edge by parseSolution) and record it; the answer hides hidden tests' data. */
export async function submitSolution(
  engine: Engine,
  ex: ExerciseDefinition,
  req: ExecuteRequest,
  opts: { ownerId: string | null; mode: JudgeMode; signal?: AbortSignal },
): Promise<PublicJudgement & { id: string; createdAt: string; debug?: DebugReport }> {
  const solution = { language: req.language, files: req.files.map((f) => ({ name: f.name, content: f.content })) };
  const id = nanoid();
  const judgement = await judge(engine, ex, req, opts.mode, { signal: opts.signal, runId: id });
  await saveSubmission({
    id,
    exerciseSlug: ex.slug,
    ownerId: opts.ownerId,
    mode: opts.mode,
    language: solution.language,
    files: solution.files,
    judgement,
  });
  const debug = await explainJudgement(judgement, solution.language, solution.files, ex.limits);
  return {
    id,
    createdAt: new Date().toISOString(),
    ...judgement,
    tests: judgement.tests.map(publicTest),
    ...(debug ? { debug } : {}),
  };
}

/**
 * A debug report for a compile error, or for the first visible test that crashed. Never for a
 * hidden test: its error message could quote the hidden input.
 */
export async function explainJudgement(
  judgement: Judgement,
  language: string,
  files: { name?: string; content: string }[],
  limits: { timeoutMs: number; memoryMb: number },
): Promise<DebugReport | undefined> {
  const names = files.map((f, i) => f.name ?? `file${i}`);
  const allLimits = { ...limits, compileTimeoutMs: 0, compileMemoryMb: 0, pids: 0, outputKb: 0 };
  if (judgement.verdict === "CE" && judgement.compile) {
    return (
      (await analyzeOffThread({
        language,
        status: "compile_error",
        compile: judgement.compile,
        run: null,
        files: names,
        limits: allLimits,
      })) ?? undefined
    );
  }
  const crashed = judgement.tests.find((t) => !t.hidden && t.verdict === "RE");
  if (!crashed) return undefined;
  const run = {
    stdout: crashed.actual ?? "",
    stderr: crashed.stderr ?? "",
    output: `${crashed.actual ?? ""}${crashed.stderr ?? ""}`,
    exitCode: crashed.exitCode ?? null,
    signal: crashed.signal ?? null,
    timedOut: false,
    outOfMemory: false,
    outputTruncated: false,
    wallTimeMs: crashed.timeMs ?? 0,
    cpuTimeMs: null,
    memoryBytes: crashed.memoryBytes,
  };
  return (
    (await analyzeOffThread({
      language,
      status: "runtime_error",
      compile: judgement.compile ?? null,
      run,
      files: names,
      limits: allLimits,
    })) ?? undefined
  );
}
