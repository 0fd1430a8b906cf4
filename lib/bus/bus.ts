/**
 * Messages between Runbox instances about runs in flight (their events; stop, input and signals
 * for them), so any instance can serve any client: a round-robin load balancer needs no sticky
 * sessions. One process alone uses the in-memory bus; instances sharing a PostgreSQL database
 * use its LISTEN/NOTIFY (lib/bus/postgres-bus.ts).
 */
export type BusHandler = (message: unknown) => void;

export interface Bus {
  /** Deliver `message` (JSON-serialisable) to every subscriber of `channel`, on every instance. */
  publish(channel: string, message: unknown): Promise<void>;
  /** Receive messages of `channel`; returns the unsubscribe function. */
  subscribe(channel: string, handler: BusHandler): Promise<() => void>;
  close(): Promise<void>;
}

/** One process: subscribers are called in order, after the publisher's current step. */
export class MemoryBus implements Bus {
  private readonly channels = new Map<string, Set<BusHandler>>();

  async publish(channel: string, message: unknown): Promise<void> {
    const copy = JSON.parse(JSON.stringify(message)) as unknown;
    for (const h of this.channels.get(channel) ?? []) queueMicrotask(() => h(copy));
  }

  async subscribe(channel: string, handler: BusHandler): Promise<() => void> {
    let set = this.channels.get(channel);
    if (!set) {
      set = new Set();
      this.channels.set(channel, set);
    }
    set.add(handler);
    return () => {
      set.delete(handler);
      if (set.size === 0) this.channels.delete(channel);
    };
  }

  async close(): Promise<void> {
    this.channels.clear();
  }
}
