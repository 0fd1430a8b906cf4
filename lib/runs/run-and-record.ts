import "server-only";
import { nanoid } from "nanoid";
import { createRun, finishRun } from "../db/runs";
import { analyzeOffThread } from "../debug/analyze-off-thread";
import { readsInput } from "../debug/reads-input";
import type { DebugReport } from "../debug/types";
import { log } from "../log";
import { withoutFileContents } from "../output-files";
import {
  decodeFiles,
  type Engine,
  type ExecuteRequest,
  type ExecutionEvent,
  type ExecutionResult,
  SandboxBusy,
  SandboxFault,
} from "../sandbox";
import type { TerminalFacts } from "../terminal/facts";

export interface RecordedRun {
  id: string;
  createdAt: Date;
  result: ExecutionResult;
  /** Why it failed and where, for every run whose status is not ok (and one that ran out of input). */
  debug: DebugReport | null;
  /** An interactive run's limits and input. */
  terminal?: TerminalFacts | null;
  /** Why the server could not complete it (status internal_error), in words for the person. */
  message?: string;
}

export interface PreparedRun {
  id: string;
  createdAt: Date;
  req: ExecuteRequest;
  language: string;
  version: string;
  /** File names as the program sees them, entry first. */
  files: string[];
  /** The source files' texts (whether the program reads input is read from them). */
  sources: string[];
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

/** Bytes of each source file kept for reads-input.ts (which looks at 64 Ki characters at most). */
const SOURCE_SCAN_BYTES = 256 * 1024;

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
  const decoded = decodeFiles(req.files, language.defaultFile);
  return {
    id,
    createdAt,
    req,
    language: language.id,
    version,
    files: decoded.map((f) => f.name),
    // Only the start of each file is ever searched (reads-input.ts), so only that is decoded.
    sources: decoded.map((f) => f.content.toString("utf8", 0, Math.min(f.content.length, SOURCE_SCAN_BYTES))),
    source: opts.source,
  };
}

/** How a run's program turned out, and what the recording needs to know about its input. */
export interface Execution {
  result: ExecutionResult;
  /** Facts about the input beyond the request's stdin (interactive runs). */
  input?: { interactive: boolean; bytes: number; ended: boolean };
  /** Stored with the run: an interactive run's limits and input. */
  terminal?: TerminalFacts;
  /** The run stage's output is a terminal transcript (stderr is in it): analysis reads all of it. */
  transcript?: boolean;
}

/**
 * Execute a prepared run with `execute` and store its outcome. A sandbox fault becomes status
 * internal_error; any other failure marks the row interrupted and is rethrown.
 */
export async function recordExecution(
  engine: Engine,
  run: PreparedRun,
  execute: () => Promise<Execution>,
  timings?: Timings,
): Promise<RecordedRun> {
  const { id, createdAt } = run;
  let execution: Execution;
  try {
    execution = await execute();
  } catch (err) {
    const fault = err instanceof SandboxFault;
    const message = fault ? err.message : "The run could not be completed.";
    await finishRun(id, { status: fault ? "internal_error" : "interrupted", message }).catch((dbErr) =>
      log.error({ err: dbErr, id }, "could not record a failed run"),
    );
    if (!fault) throw err;
    log.error({ err, id }, "sandbox fault");
    const limits = engine.limitsFor(run.req);
    const result: ExecutionResult = {
      language: run.language,
      version: run.version,
      status: "internal_error",
      limits,
      wallTimeMs: 0,
    };
    return { id, createdAt, result, debug: null, message };
  }
  const { result, terminal } = execution;
  const given = execution.input ?? { interactive: false, bytes: Buffer.byteLength(run.req.stdin), ended: true };
  // The analysis reads texts only: output files (MiBs of base64) are not copied to its worker.
  const texts = withoutFileContents(result.run);
  const analysed = execution.transcript && texts ? { ...texts, stderr: texts.output } : texts;
  const debug = await timed(timings, "analyze", () =>
    analyzeOffThread({
      language: result.language,
      status: result.status,
      compile: result.compile ?? null,
      run: analysed ?? null,
      files: run.files,
      limits: result.limits,
      input: {
        ...given,
        readsInput: readsInput(result.language, run.sources),
        ...(terminal ? { idleMs: terminal.idleMs, sessionMs: terminal.sessionMs } : {}),
      },
    }),
  );
  await timed(timings, "db-finish", () =>
    finishRun(id, {
      status: result.status,
      compile: result.compile,
      run: result.run,
      wallTimeMs: result.wallTimeMs,
      debug,
      terminal: terminal ?? null,
    }),
  );
  return { id, createdAt, result, debug, terminal: terminal ?? null };
}

/** Execute a prepared batch run (stdin given at once and closed) and store its outcome. */
export function executeRecorded(
  engine: Engine,
  run: PreparedRun,
  opts: { signal?: AbortSignal; onEvent?: (e: ExecutionEvent) => void; timings?: Timings } = {},
): Promise<RecordedRun> {
  return recordExecution(
    engine,
    run,
    async () => ({
      result: await timed(opts.timings, "engine", () =>
        engine.execute(run.req, {
          signal: opts.signal,
          onEvent: opts.onEvent,
          runId: run.id,
          timings: opts.timings,
          // Files a program writes under /box/out come back to the playground and the native API
          // (Piston's shape has no place for them).
          collectFiles: run.source === "ui" || run.source === "api",
        }),
      ),
    }),
    opts.timings,
  );
}

/** prepareRun + executeRecorded: the API's one-call path. */
export async function runAndRecord(
  engine: Engine,
  req: ExecuteRequest,
  opts: RecordOptions & { signal?: AbortSignal; onEvent?: (e: ExecutionEvent) => void },
): Promise<RecordedRun> {
  return executeRecorded(engine, await prepareRun(engine, req, opts), opts);
}
