import type { Bus } from "../bus/bus";
import { log } from "../log";
import type { InteractiveControl } from "./interactive-recorded";
import type { LiveEvent } from "./live-events";
import { ControlMessage, controlChannel, type EventsMessage, eventsChannel } from "./run-channels";

/** What the relay needs of a live run on this instance. */
export interface RelayedRun {
  /** Everything so far (output merged), for a new watcher's replay. */
  events(): readonly LiveEvent[];
  stop(): void;
  control(): InteractiveControl | undefined;
  /** Take the run's one terminal for a watcher elsewhere; false when a terminal follows it already. */
  attach(): boolean;
  detach(): void;
}

/** Output is sent to other instances in batches: one NOTIFY per event would be one per write(). */
const BATCH_MS = 25;
/**
 * Followers elsewhere one run serves at once: each costs a replay of everything so far. Beyond it
 * a follower hears nothing and ends with the stored outcome (it reads the database meanwhile).
 */
export const MAX_REMOTE_WATCHERS = 16;

/**
 * The instance side of a live run that other instances follow: answers their control messages
 * (watch, stop, input) and, while at least one of them watches, publishes the run's events in
 * small batches. Idle (one subscription, nothing published) while nobody elsewhere watches.
 */
export class RunRelay {
  private readonly watchers = new Set<string>();
  /** The watcher whose terminal holds the run's input, if one elsewhere does. */
  private terminal?: string;
  private pending: LiveEvent[] = [];
  private timer?: NodeJS.Timeout;
  private unsubscribe?: () => void;
  private closed = false;

  constructor(
    private readonly bus: Bus,
    private readonly runId: string,
    private readonly run: RelayedRun,
  ) {}

  async start(): Promise<void> {
    const off = await this.bus.subscribe(controlChannel(this.runId), (raw) => this.receive(raw));
    if (this.closed) off();
    else this.unsubscribe = off;
  }

  /** Call with each event as it happens on this instance. */
  onEvent(e: LiveEvent): void {
    if (this.watchers.size === 0) return;
    this.pending.push(e);
    if (e.type === "done" || e.type === "error") this.flush();
    else this.timer ??= setTimeout(() => this.flush(), BATCH_MS);
  }

  close(): void {
    this.closed = true;
    this.flush();
    this.unsubscribe?.();
    this.watchers.clear();
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    const events = this.pending;
    this.pending = [];
    this.publish({ t: "events", events });
  }

  private publish(m: EventsMessage): void {
    this.bus
      .publish(eventsChannel(this.runId), m)
      .catch((err) => log.warn({ err, run: this.runId }, "bus publish failed"));
  }

  private receive(raw: unknown): void {
    const parsed = ControlMessage.safeParse(raw);
    if (!parsed.success) return;
    const m = parsed.data;
    if (m.t === "stop") {
      this.run.stop();
      return;
    }
    if (m.t === "watch") {
      if (this.watchers.size >= MAX_REMOTE_WATCHERS && !this.watchers.has(m.w)) return;
      // Whatever is pending is in the replay too: send it first, so the watcher (which drops
      // everything before its replay) sees each event once.
      this.flush();
      this.watchers.add(m.w);
      let terminal: Extract<EventsMessage, { t: "replay" }>["terminal"];
      if (m.terminal) {
        if (this.run.attach()) {
          this.terminal = m.w;
          const c = this.run.control();
          terminal = c ? { inputBytes: c.inputBytes, inputCapBytes: c.inputCapBytes } : null;
        } else terminal = "busy";
      }
      this.publish({ t: "replay", w: m.w, events: [...this.run.events()], ...(m.terminal ? { terminal } : {}) });
      return;
    }
    if (m.t === "unwatch") {
      this.watchers.delete(m.w);
      if (this.terminal === m.w) {
        this.terminal = undefined;
        this.run.detach();
      }
      return;
    }
    // Input, end of input, signals and size come only from the terminal that holds the run.
    const control = this.terminal === m.w ? this.run.control() : undefined;
    if (!control) return;
    if (m.t === "input") control.write(m.data);
    else if (m.t === "eof") control.end();
    else if (m.t === "signal") control.signal(m.signal);
    else control.resize(m.rows, m.cols);
  }
}
