import "server-only";
import type { DebugReport } from "../debug/types";
import { log } from "../log";
import type { Engine, ExecuteRequest, ExecutionEvent, ExecutionResult } from "../sandbox";
import type { TerminalFacts } from "../terminal/facts";
import { type InteractiveControl, startInteractiveRecorded } from "./interactive-recorded";
import { executeRecorded, prepareRun, type RecordedRun } from "./run-and-record";

/** The part of a finished run the playground shows. */
export interface RunOutcome {
  status: ExecutionResult["status"] | "interrupted" | "running";
  compile: ExecutionResult["compile"] | null;
  run: ExecutionResult["run"] | null;
  limits: Record<string, number>;
  wallTimeMs: number | null;
  debug: DebugReport | null;
  /** An interactive run's limits and input (its run output is the transcript); null for a batch run. */
  terminal: TerminalFacts | null;
}

export const outcomeOf = (r: {
  status: RunOutcome["status"];
  compile?: RunOutcome["compile"];
  run?: RunOutcome["run"];
  limits: object;
  wallTimeMs?: number | null;
  debug?: DebugReport | null;
  terminal?: TerminalFacts | null;
}): RunOutcome => ({
  status: r.status,
  compile: r.compile ?? null,
  run: r.run ?? null,
  limits: r.limits as Record<string, number>,
  wallTimeMs: r.wallTimeMs ?? null,
  debug: r.debug ?? null,
  terminal: r.terminal ?? null,
});

/** What a watcher receives: engine events, then one "done" (or "error") line. */
export type LiveEvent = ExecutionEvent | { type: "done"; result: RunOutcome } | { type: "error"; message: string };

interface LiveRun {
  ownerId: string;
  events: LiveEvent[];
  listeners: Set<(e: LiveEvent) => void>;
  controller: AbortController;
  finished: boolean;
  /** Input and signals, for a run started with a terminal. */
  control?: InteractiveControl;
  /** A terminal socket follows this run (one at a time). */
  attached: boolean;
}

/** Start a UI run with a terminal: its program gets a pseudo-terminal and input while it runs. */
export interface TerminalOptions {
  limits: { idleMs: number; sessionMs: number; inputCapBytes: number };
  size?: { rows: number; cols: number };
}

/** How long a finished run stays here for late watchers before the database is the only copy. */
const KEEP_FINISHED_MS = 60_000;

// Process-wide, kept on globalThis across Next.js dev reloads.
const g = globalThis as typeof globalThis & { __runboxLive?: Map<string, LiveRun> };
g.__runboxLive ??= new Map();
const live = g.__runboxLive;

/**
 * Start a run in the background and return its id at once; output is buffered here for
 * the events stream. Validation, busy and unavailable errors are thrown before returning
 * (the row is created first, so the id is real). `onSettled` is called once the background
 * execution is over (not when this throws).
 */
export async function startLiveRun(
  engine: Engine,
  req: ExecuteRequest,
  ownerId: string,
  opts: { onSettled?: () => void; terminal?: TerminalOptions } = {},
): Promise<string> {
  const prepared = await prepareRun(engine, req, { ownerId, source: "ui" });
  const entry: LiveRun = {
    ownerId,
    events: [],
    listeners: new Set(),
    controller: new AbortController(),
    finished: false,
    attached: false,
  };
  const emit = (e: LiveEvent) => {
    // Kept for late watchers with consecutive output merged: a program that writes a byte at a
    // time (or a person typing, echoed) costs its bytes here, not an object per write.
    const last = entry.events.at(-1);
    if (e.type === "output" && last?.type === "output" && last.stage === e.stage && last.stream === e.stream)
      entry.events[entry.events.length - 1] = { ...last, text: last.text + e.text };
    else entry.events.push(e);
    for (const listener of entry.listeners) listener(e);
  };
  live.set(prepared.id, entry);
  let recorded: Promise<RecordedRun>;
  if (opts.terminal) {
    const started = startInteractiveRecorded(engine, prepared, {
      tty: true,
      ...opts.terminal,
      signal: entry.controller.signal,
      onEvent: emit,
    });
    entry.control = started.control;
    recorded = started.recorded;
  } else recorded = executeRecorded(engine, prepared, { signal: entry.controller.signal, onEvent: emit });
  recorded
    .then((r) => emit({ type: "done", result: outcomeOf({ ...r.result, debug: r.debug, terminal: r.terminal }) }))
    .catch((err) => {
      log.error({ err, id: prepared.id }, "background run failed");
      const message = err instanceof Error && "code" in err ? err.message : "The run could not be completed.";
      emit({ type: "error", message });
    })
    .finally(() => {
      entry.finished = true;
      entry.listeners.clear();
      opts.onSettled?.();
      setTimeout(() => live.delete(prepared.id), KEEP_FINISHED_MS).unref();
    });
  return prepared.id;
}

/** Follow a live run: replays what happened so far, then calls back until done. */
export function watchLiveRun(
  id: string,
  ownerId: string | null,
  onEvent: (e: LiveEvent) => void,
): { unsubscribe: () => void } | null {
  const entry = live.get(id);
  if (!entry || entry.ownerId !== ownerId) return null;
  for (const e of entry.events) onEvent(e);
  if (entry.finished) return { unsubscribe: () => {} };
  entry.listeners.add(onEvent);
  return { unsubscribe: () => entry.listeners.delete(onEvent) };
}

/** What a terminal socket holds while it follows a live run. */
export interface TerminalAttachment {
  /** Input and signals; absent when the run was started without a terminal (it reads only its stdin). */
  control?: InteractiveControl;
  detach(): void;
}

/** Whether a terminal socket may follow this live run of this owner now. */
export function canAttachTerminal(id: string, ownerId: string | null): "ok" | "busy" | null {
  const entry = live.get(id);
  if (!entry || entry.ownerId !== ownerId) return null;
  return entry.attached ? "busy" : "ok";
}

/**
 * Follow a live run of this owner from a terminal socket: replays what happened so far, then calls
 * back until done. null when there is no such live run of this owner; "busy" when another socket
 * already follows it (input has one source).
 */
export function attachTerminal(
  id: string,
  ownerId: string | null,
  onEvent: (e: LiveEvent) => void,
): TerminalAttachment | "busy" | null {
  const entry = live.get(id);
  if (!entry || entry.ownerId !== ownerId) return null;
  if (entry.attached) return "busy";
  const watch = watchLiveRun(id, ownerId, onEvent);
  if (!watch) return null;
  entry.attached = true;
  return {
    ...(entry.control ? { control: entry.control } : {}),
    detach: () => {
      watch.unsubscribe();
      entry.attached = false;
    },
  };
}

/** Stop a live run of this owner at once; false when there is none. */
export function stopLiveRun(id: string, ownerId: string | null): boolean {
  const entry = live.get(id);
  if (!entry || entry.ownerId !== ownerId || entry.finished) return false;
  entry.controller.abort();
  return true;
}

/** Runs in flight of an anonymous browser follow it into the account it signs in to. */
export function adoptLiveRuns(fromOwnerId: string, toOwnerId: string): void {
  for (const entry of live.values()) if (entry.ownerId === fromOwnerId) entry.ownerId = toOwnerId;
}
