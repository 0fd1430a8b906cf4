import { nanoid } from "nanoid";
import type { Bus } from "../bus/bus";
import { log } from "../log";
import type { InteractiveControl } from "./interactive-recorded";
import type { LiveEvent } from "./live-events";
import {
  type ControlMessage,
  controlChannel,
  type EventsMessage,
  eventsChannel,
  type RemoteInput,
} from "./run-channels";

export interface RemoteFollowOptions {
  /** Follow as the run's terminal (its input, signals and size), not only as a watcher. */
  terminal?: boolean;
  /**
   * The run's final event from the database, or null while it is still running there. Asked when
   * the running instance does not answer, and every `pollMs` after: a run whose instance died (or
   * whose last message was lost) still ends for its watchers, as "interrupted" or as stored.
   */
  settled: () => Promise<LiveEvent | null>;
  replayTimeoutMs?: number;
  pollMs?: number;
}

export interface RemoteFollow {
  unsubscribe(): void;
  /** For a terminal: the run's input, through the instance that runs it; undefined when it takes none. */
  control?: InteractiveControl;
}

/**
 * Follow a run that another instance runs, over the bus: its events from the start (a replay,
 * then batches as they happen) until "done" or "error". "busy" when following as a terminal and
 * another terminal holds the run.
 */
export async function followRemoteRun(
  bus: Bus,
  runId: string,
  onEvent: (e: LiveEvent) => void,
  opts: RemoteFollowOptions,
): Promise<RemoteFollow | "busy"> {
  const w = nanoid(12);
  let synced = false;
  let ended = false;
  let replayed: (terminal: Extract<EventsMessage, { t: "replay" }>["terminal"]) => void = () => {};
  const replay = new Promise<Extract<EventsMessage, { t: "replay" }>["terminal"] | "timeout">((resolve) => {
    replayed = resolve;
    setTimeout(() => resolve("timeout"), opts.replayTimeoutMs ?? 5_000).unref();
  });
  const deliver = (events: LiveEvent[]) => {
    for (const e of events) {
      if (ended) return;
      if (e.type === "done" || e.type === "error") stop();
      onEvent(e);
    }
  };
  const send = (m: ControlMessage) =>
    bus.publish(controlChannel(runId), m).catch((err) => log.warn({ err, run: runId }, "bus publish failed"));

  const off = await bus.subscribe(eventsChannel(runId), (raw) => {
    const m = raw as EventsMessage;
    if (m.t === "replay" && m.w === w && !synced) {
      synced = true;
      if (m.terminal === "busy") return replayed("busy");
      deliver(m.events);
      replayed(m.terminal);
    } else if (m.t === "events" && synced) deliver(m.events);
  });
  let poll: NodeJS.Timeout | undefined;
  function stop() {
    if (ended) return;
    ended = true;
    off();
    if (poll) clearInterval(poll);
  }
  const check = async () => {
    if (ended) return;
    try {
      const final = await opts.settled();
      if (final && !ended) deliver([final]);
    } catch (err) {
      log.warn({ err, run: runId }, "could not read a followed run");
    }
  };

  await send({ t: "watch", w, terminal: Boolean(opts.terminal) });
  const answer = await replay;
  if (answer === "busy") {
    stop();
    return "busy";
  }
  if (answer === "timeout") void check();
  poll = setInterval(() => void check(), opts.pollMs ?? 5_000);
  poll.unref();

  const unsubscribe = () => {
    const wasEnded = ended;
    stop();
    if (!wasEnded || opts.terminal) void send({ t: "unwatch", w });
  };
  const input = answer !== "timeout" && answer ? answer : undefined;
  return input ? { unsubscribe, control: remoteControl(input, w, send) } : { unsubscribe };
}

/** A terminal's input, sent to the instance that runs the program (which enforces the cap itself). */
function remoteControl(facts: RemoteInput, w: string, send: (m: ControlMessage) => unknown): InteractiveControl {
  let inputBytes = facts.inputBytes;
  let ended = false;
  return {
    write(data) {
      if (ended || inputBytes + Buffer.byteLength(data) > facts.inputCapBytes) return false;
      inputBytes += Buffer.byteLength(data);
      send({ t: "input", w, data });
      return true;
    },
    end() {
      ended = true;
      send({ t: "eof", w });
    },
    signal(signal) {
      if (signal !== "SIGINT" && signal !== "SIGTERM" && signal !== "SIGQUIT") return false;
      send({ t: "signal", w, signal });
      return true;
    },
    resize(rows, cols) {
      send({ t: "resize", w, rows, cols });
    },
    get inputBytes() {
      return inputBytes;
    },
    inputCapBytes: facts.inputCapBytes,
  };
}
