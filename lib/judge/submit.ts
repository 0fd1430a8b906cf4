import "server-only";
import { nanoid } from "nanoid";
import { getExercise } from "../db/exercises";
import { saveSubmission } from "../db/submissions";
import { analyzeOffThread } from "../debug/analyze-off-thread";
import type { DebugReport } from "../debug/types";
import { ValidationError } from "../sandbox/errors";
import { type JudgeMode, type Judgement, judge, publicTest } from "./judge";

/** Judge a solution to a stored exercise and record it; the answer hides hidden tests' data. */
export async function submitSolution(
  slug: string,
  body: unknown,
  opts: { ownerId: string | null; mode: JudgeMode; signal?: AbortSignal },
): Promise<(Judgement & { id: string; createdAt: string; debug?: DebugReport }) | null> {
  const ex = await getExercise(slug);
  if (!ex) return null;
  const input = body as { language?: unknown; files?: unknown };
  if (typeof input?.language !== "string" || !Array.isArray(input.files)) {
    throw new ValidationError("Send { language, files: [{ name, content }] }.", {
      ...(typeof input?.language !== "string" ? { language: "Choose a language." } : {}),
      ...(!Array.isArray(input?.files) ? { files: "Send at least one file." } : {}),
    });
  }
  const solution = { language: input.language, files: input.files as { name?: string; content: string }[] };
  const id = nanoid();
  const judgement = await judge(ex, solution, opts.mode, { signal: opts.signal, runId: id });
  await saveSubmission({
    id,
    exerciseSlug: slug,
    ownerId: opts.ownerId,
    mode: opts.mode,
    language: solution.language,
    files: solution.files,
    judgement,
  });
  const debug = await explain(judgement, solution.language, solution.files, ex.limits);
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
async function explain(
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
