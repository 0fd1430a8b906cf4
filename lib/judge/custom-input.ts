import "server-only";
import { z } from "zod";
import { analyzeOffThread } from "../debug/analyze-off-thread";
import type { DebugReport } from "../debug/types";
import type { Engine, ExecuteRequest } from "../sandbox";
import { runStatus } from "../sandbox/outcome";
import type { RunStatus, StageResult } from "../sandbox/types";

/** Input a learner types to try a solution: a hand-made case, far below the engine's stdin cap. */
export const CustomInput = z
  .string({ error: "Send the input as text." })
  .max(64 * 1024, "The input may be at most 64 KiB; the tests themselves are smaller.");
export type CustomInput = z.infer<typeof CustomInput>;

/** How a solution did on the learner's own input (the playground's result shape). */
export interface CustomRun {
  status: RunStatus;
  compile: StageResult | null;
  run: StageResult | null;
  limits: Record<string, number>;
  wallTimeMs: number;
  debug: DebugReport | null;
  /** Never a terminal: the input is given whole, before the program starts. */
  terminal: null;
}

/**
 * Run a solution (validated at the edge by parseSolution, so with the exercise's limits) once on
 * the learner's own input. Not a submission: nothing is judged or stored, no test is revealed.
 */
export async function runCustomInput(
  engine: Engine,
  req: ExecuteRequest,
  stdin: CustomInput,
  opts: { signal?: AbortSignal } = {},
): Promise<CustomRun> {
  const batch = await engine.executeBatch(req, [stdin], opts);
  const compile = batch.compile ?? null;
  const run = batch.runs[0] ?? null;
  const status = runStatus(compile, run);
  const debug = await analyzeOffThread({
    language: req.language,
    status,
    compile,
    run,
    files: req.files.map((f, i) => f.name ?? `file${i}`),
    limits: batch.limits,
  });
  return { status, compile, run, limits: { ...batch.limits }, wallTimeMs: batch.wallTimeMs, debug, terminal: null };
}
