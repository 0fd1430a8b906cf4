import { z } from "zod";
import type { LiveEvent } from "./live-events";

/**
 * How instances talk about a live run over the bus (lib/bus). The instance that runs it listens
 * on its control channel and, while anyone elsewhere follows it, publishes its events on its
 * events channel; any other instance can so stream it, stop it and type into it. Watchers are
 * named by a random id so each knows which replay is its own.
 */
export const eventsChannel = (runId: string) => `run:${runId}`;
export const controlChannel = (runId: string) => `run-ctl:${runId}`;

const Watcher = z.string().min(1).max(40);

/** Watcher → the instance running the run. Checked: another instance's bug must not become ours. */
export const ControlMessage = z.discriminatedUnion("t", [
  /** Start following: answered by a replay of everything so far (and a terminal's attachment). */
  z.object({ t: z.literal("watch"), w: Watcher, terminal: z.boolean() }),
  z.object({ t: z.literal("unwatch"), w: Watcher }),
  z.object({ t: z.literal("stop") }),
  z.object({ t: z.literal("input"), w: Watcher, data: z.string().max(1 << 20) }),
  z.object({ t: z.literal("eof"), w: Watcher }),
  z.object({ t: z.literal("signal"), w: Watcher, signal: z.enum(["SIGINT", "SIGTERM", "SIGQUIT"]) }),
  z.object({
    t: z.literal("resize"),
    w: Watcher,
    rows: z.number().int().min(1).max(999),
    cols: z.number().int().min(1).max(999),
  }),
]);
export type ControlMessage = z.infer<typeof ControlMessage>;

/** What a terminal that follows from elsewhere may do with the run's input. */
export interface RemoteInput {
  inputBytes: number;
  inputCapBytes: number;
}

/** The instance running the run → watchers. */
export type EventsMessage =
  | {
      t: "replay";
      w: string;
      events: LiveEvent[];
      /** For a terminal: "busy" when another terminal follows the run; its input facts otherwise (null: no input). */
      terminal?: "busy" | RemoteInput | null;
    }
  | { t: "events"; events: LiveEvent[] };
