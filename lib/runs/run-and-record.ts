import "server-only";
import { nanoid } from "nanoid";
import { createRun, finishRun } from "../db/runs";
import { log } from "../log";
import {
  type ExecutionEvent,
  type ExecutionResult,
  execute,
  parseExecuteRequest,
  resolveLimits,
  resolveRuntime,
  SandboxFault,
} from "../sandbox";

export interface RecordedRun {
  id: string;
  createdAt: Date;
  result: ExecutionResult;
}

/**
 * Validate, store the run as "running", execute it, store the outcome. The row is written
 * before and after execution so a crash in between leaves a row the next start marks
 * "interrupted". A sandbox fault is stored and returned as status internal_error.
 */
export async function runAndRecord(
  input: unknown,
  opts: {
    ownerId?: string | null;
    source: "ui" | "api" | "piston";
    signal?: AbortSignal;
    onEvent?: (e: ExecutionEvent) => void;
  },
): Promise<RecordedRun> {
  const req = parseExecuteRequest(input);
  const { language, version } = resolveRuntime(req);
  const limits = resolveLimits(req.limits);
  const id = nanoid();
  const createdAt = new Date();
  await createRun({
    id,
    ownerId: opts.ownerId,
    source: opts.source,
    language: language.id,
    version,
    files: req.files,
    stdin: req.stdin,
    args: req.args,
    env: req.env,
    limits,
    network: req.network,
  });
  let result: ExecutionResult;
  try {
    result = await execute(req, { signal: opts.signal, onEvent: opts.onEvent, runId: id });
  } catch (err) {
    const message = err instanceof SandboxFault ? err.message : "The run could not be completed.";
    await finishRun(id, { status: err instanceof SandboxFault ? "internal_error" : "interrupted", message }).catch(
      (dbErr) => log.error({ err: dbErr, id }, "could not record a failed run"),
    );
    if (!(err instanceof SandboxFault)) throw err;
    log.error({ err, id }, "sandbox fault");
    result = {
      language: language.id,
      version,
      status: "internal_error",
      limits,
      wallTimeMs: Date.now() - createdAt.getTime(),
    };
    return { id, createdAt, result };
  }
  await finishRun(id, {
    status: result.status,
    compile: result.compile,
    run: result.run,
    wallTimeMs: result.wallTimeMs,
  });
  return { id, createdAt, result };
}
