import "server-only";
import { appBus } from "../bus/app-bus";
import { getRun, runState } from "../db/runs";
import { log } from "../log";
import { withoutFileContents } from "../output-files";
import type { Engine, ExecuteRequest } from "../sandbox";
import { type InteractiveControl, startInteractiveRecorded } from "./interactive-recorded";
import { type LiveEvent, outcomeOf } from "./live-events";
import { followRemoteRun } from "./remote-run";
import { executeRecorded, prepareRun, type RecordedRun } from "./run-and-record";
import { controlChannel } from "./run-channels";
import { RunRelay } from "./run-relay";

export { type LiveEvent, outcomeOf, type RunOutcome } from "./live-events";

interface LiveRun {
  ownerId: string;
  events: LiveEvent[];
  listeners: Set<(e: LiveEvent) => void>;
  controller: AbortController;
  finished: boolean;
  /** Input and signals, for a run started with a terminal. */
  control?: InteractiveControl;
  /** A terminal socket follows this run (one at a time), here or on another instance. */
  attached: boolean;
  /** Serves watchers on other instances (lib/runs/run-relay.ts). */
  relay?: RunRelay;
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
 * the events stream (and relayed to other instances whose clients follow it). Validation,
 * busy and unavailable errors are thrown before returning (the row is created first, so the
 * id is real). `onSettled` is called once the background execution is over (not when this throws).
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
  const emit = (event: LiveEvent) => {
    // A stage's output files (up to MiBs of base64) never travel to watchers: they get the list,
    // and the bytes from the file route once the run is stored.
    const e = event.type === "stage-end" ? { ...event, result: withoutFileContents(event.result) } : event;
    // Kept for late watchers with consecutive output merged: a program that writes a byte at a
    // time (or a person typing, echoed) costs its bytes here, not an object per write.
    const last = entry.events.at(-1);
    if (e.type === "output" && last?.type === "output" && last.stage === e.stage && last.stream === e.stream)
      entry.events[entry.events.length - 1] = { ...last, text: last.text + e.text };
    else entry.events.push(e);
    for (const listener of entry.listeners) listener(e);
    entry.relay?.onEvent(e);
  };
  live.set(prepared.id, entry);
  const relayed = relay(prepared.id, entry);
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
      setTimeout(() => {
        live.delete(prepared.id);
        entry.relay?.close();
      }, KEEP_FINISHED_MS).unref();
    });
  // Listening for other instances before the id is out: a client may follow it through any of them.
  await relayed;
  return prepared.id;
}

/** Serve this run to other instances' clients; without a working bus, it is followed here only. */
async function relay(id: string, entry: LiveRun): Promise<void> {
  try {
    const r = new RunRelay(await appBus(), id, {
      events: () => entry.events,
      stop: () => entry.controller.abort(),
      control: () => entry.control,
      attach: () => {
        if (entry.attached) return false;
        entry.attached = true;
        return true;
      },
      detach: () => {
        entry.attached = false;
      },
    });
    await r.start();
    entry.relay = r;
  } catch (err) {
    log.warn({ err, run: id }, "run not relayed to other instances");
  }
}

/** A run of this owner that another instance runs now; null when there is none (or not theirs). */
async function runningElsewhere(id: string, ownerId: string | null): Promise<boolean> {
  if (!ownerId || live.has(id)) return false;
  const state = await runState(id);
  return state !== null && state.ownerId === ownerId && state.status === "running";
}

/** The final event of a run as the database has it; null while it still runs. */
async function settledEvent(id: string): Promise<LiveEvent | null> {
  const run = await getRun(id);
  if (!run) return { type: "error", message: "This run does not exist." };
  return run.status === "running" ? null : { type: "done", result: outcomeOf(run) };
}

/**
 * Follow a live run of this owner: replays what happened so far, then calls back until done.
 * The run may be on this instance or on another one sharing the database. null when there is
 * no such live run of this owner (the database then has its outcome, if any).
 */
export async function followLiveRun(
  id: string,
  ownerId: string | null,
  onEvent: (e: LiveEvent) => void,
): Promise<{ unsubscribe: () => void } | null> {
  const local = watchLocal(id, ownerId, onEvent);
  if (local) return local;
  if (!(await runningElsewhere(id, ownerId))) return null;
  const follow = await followRemoteRun(await appBus(), id, onEvent, { settled: () => settledEvent(id) });
  return follow === "busy" ? null : follow;
}

function watchLocal(
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

/** Whether a terminal socket may follow this live run of this owner now (here, or on another instance). */
export async function canAttachTerminal(id: string, ownerId: string | null): Promise<"ok" | "busy" | null> {
  const entry = live.get(id);
  if (entry) return entry.ownerId !== ownerId ? null : entry.attached ? "busy" : "ok";
  return (await runningElsewhere(id, ownerId)) ? "ok" : null;
}

/**
 * Follow a live run of this owner from a terminal socket: replays what happened so far, then calls
 * back until done. null when there is no such live run of this owner; "busy" when another socket
 * already follows it (input has one source).
 */
export async function attachTerminal(
  id: string,
  ownerId: string | null,
  onEvent: (e: LiveEvent) => void,
): Promise<TerminalAttachment | "busy" | null> {
  const entry = live.get(id);
  if (!entry) {
    if (!(await runningElsewhere(id, ownerId))) return null;
    const follow = await followRemoteRun(await appBus(), id, onEvent, {
      terminal: true,
      settled: () => settledEvent(id),
    });
    if (follow === "busy") return "busy";
    return { ...(follow.control ? { control: follow.control } : {}), detach: follow.unsubscribe };
  }
  if (entry.ownerId !== ownerId) return null;
  if (entry.attached) return "busy";
  const watch = watchLocal(id, ownerId, onEvent);
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

/** Stop a live run of this owner at once, here or on the instance that runs it; false when there is none. */
export async function stopLiveRun(id: string, ownerId: string | null): Promise<boolean> {
  const entry = live.get(id);
  if (entry) {
    if (entry.ownerId !== ownerId || entry.finished) return false;
    entry.controller.abort();
    return true;
  }
  if (!(await runningElsewhere(id, ownerId))) return false;
  await (await appBus()).publish(controlChannel(id), { t: "stop" });
  return true;
}

/** Runs in flight of an anonymous browser follow it into the account it signs in to. */
export function adoptLiveRuns(fromOwnerId: string, toOwnerId: string): void {
  for (const entry of live.values()) if (entry.ownerId === fromOwnerId) entry.ownerId = toOwnerId;
}
