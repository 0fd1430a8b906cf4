import "server-only";
import { nanoid } from "nanoid";
import { createRun, finishRun } from "../db/runs";
import { analyzeOffThread } from "../debug/analyze-off-thread";
import type { DebugReport } from "../debug/types";
import { log } from "../log";
import {
  decodeFiles,
  type Engine,
  type ExecuteRequest,
  type ExecutionEvent,
  type ExecutionResult,
  SandboxBusy,
  SandboxFault,
} from "../sandbox";

export interface RecordedRun {
  id: string;
  createdAt: Date;
  result: ExecutionResult;
  /** Why it failed and where, for every run whose status is not ok. */
  debug: DebugReport | null;
}

export interface PreparedRun {
  id: string;
  createdAt: Date;
  req: ExecuteRequest;
  language: string;
  version: string;
  /** File names as the program sees them, entry first. */
  files: string[];
  source: RecordOptions["source"];
}

/** Where a request's time went, in ms (route → engine → database); see serverTiming(). */
export type Timings = Record<string, number>;

async function timed<T>(timings: Timings | undefined, name: string, fn: () => Promise<T>): Promise<T> {
  if (!timings) return fn();
  const t0 = performance.now();
  try {
    return await fn();
  } finally {
    timings[name] = (timings[name] ?? 0) + performance.now() - t0;
  }
}

/** A Server-Timing header value: each phase and its duration (the benchmark reads it). */
export function serverTiming(timings: Timings): string {
  return Object.entries(timings)
    .map(([k, v]) => `${k};dur=${v.toFixed(1)}`)
    .join(", ");
}

interface RecordOptions {
  ownerId?: string | null;
  source: "ui" | "api" | "piston" | "jobe";
  timings?: Timings;
}

/**
 * Validate and store the run as "running" before any container exists, so a crash in
 * between leaves a row that the next start marks "interrupted".
 */
export async function prepareRun(engine: Engine, req: ExecuteRequest, opts: RecordOptions): Promise<PreparedRun> {
  const { language, version } = engine.resolveRuntime(req);
  const { queued, queueLimit, capacity } = engine.slots.stats;
  // A full queue is "busy" now, before a row exists, rather than a failed run later.
  if (queued >= queueLimit) throw new SandboxBusy(Math.max(1, Math.ceil(queued / capacity)));
  const id = nanoid();
  const createdAt = new Date();
  await timed(opts.timings, "db-create", () =>
    createRun({
      id,
      instanceId: engine.config.instanceId,
      ownerId: opts.ownerId,
      source: opts.source,
      language: language.id,
      version,
      files: req.files,
      stdin: req.stdin,
      args: req.args,
      env: req.env,
      limits: engine.limitsFor(req),
      network: req.network,
    }),
  );
  // The names the program sees (nameless Piston files get the language's default name).
  const files = decodeFiles(req.files, language.defaultFile).map((f) => f.name);
  return { id, createdAt, req, language: language.id, version, files, source: opts.source };
}

/** Execute a prepared run and store its outcome. A sandbox fault becomes status internal_error. */
export async function executeRecorded(
  engine: Engine,
  run: PreparedRun,
  opts: { signal?: AbortSignal; onEvent?: (e: ExecutionEvent) => void; timings?: Timings } = {},
): Promise<RecordedRun> {
  const { id, createdAt } = run;
  let result: ExecutionResult;
  try {
    result = await timed(opts.timings, "engine", () =>
      engine.execute(run.req, {
        signal: opts.signal,
        onEvent: opts.onEvent,
        runId: id,
        timings: opts.timings,
        // Files a program writes under /box/out come back to the playground and the native API
        // (Piston's shape has no place for them).
        collectFiles: run.source === "ui" || run.source === "api",
      }),
    );
  } catch (err) {
    const fault = err instanceof SandboxFault;
    const message = fault ? err.message : "The run could not be completed.";
    await finishRun(id, { status: fault ? "internal_error" : "interrupted", message }).catch((dbErr) =>
      log.error({ err: dbErr, id }, "could not record a failed run"),
    );
    if (!fault) throw err;
    log.error({ err, id }, "sandbox fault");
    const limits = engine.limitsFor(run.req);
    result = { language: run.language, version: run.version, status: "internal_error", limits, wallTimeMs: 0 };
    return { id, createdAt, result, debug: null };
  }
  const debug = await timed(opts.timings, "analyze", () =>
    analyzeOffThread({
      language: result.language,
      status: result.status,
      compile: result.compile ?? null,
      run: result.run ?? null,
      files: run.files,
      limits: result.limits,
    }),
  );
  await timed(opts.timings, "db-finish", () =>
    finishRun(id, {
      status: result.status,
      compile: result.compile,
      run: result.run,
      wallTimeMs: result.wallTimeMs,
      debug,
    }),
  );
  return { id, createdAt, result, debug };
}

/** prepareRun + executeRecorded: the API's one-call path. */
export async function runAndRecord(
  engine: Engine,
  req: ExecuteRequest,
  opts: RecordOptions & { signal?: AbortSignal; onEvent?: (e: ExecutionEvent) => void },
): Promise<RecordedRun> {
  return executeRecorded(engine, await prepareRun(engine, req, opts), opts);
}
