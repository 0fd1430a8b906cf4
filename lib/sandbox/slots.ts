import { SandboxBusy } from "./errors";

interface Waiter {
  grant: (release: () => void) => void;
  fail: (err: Error) => void;
  onPosition?: (position: number) => void;
}

/**
 * A counting semaphore with a bounded queue: at most `capacity` runs at once, at most
 * `queueLimit` waiting. A full queue, or a wait past `queueTimeoutMs`, is SandboxBusy —
 * callers answer 429 instead of hanging.
 */
export class Slots {
  private active = 0;
  private readonly waiting: Waiter[] = [];

  constructor(
    public capacity: number,
    readonly queueLimit: number,
    readonly queueTimeoutMs: number,
  ) {}

  /** Change how many runs may go at once (a Docker engine left or came back); waiters get freed slots. */
  setCapacity(capacity: number): void {
    this.capacity = Math.max(1, capacity);
    while (this.active < this.capacity && this.waiting.length > 0) {
      this.active++;
      this.waiting.shift()?.grant(this.releaser());
      this.announce(0);
    }
  }

  get stats() {
    return { active: this.active, queued: this.waiting.length, capacity: this.capacity, queueLimit: this.queueLimit };
  }

  /**
   * Resolves with a release function once a slot is free. While queued, `onPosition` hears the
   * caller's place in the queue (1 = next), again whenever it changes.
   */
  acquire(signal?: AbortSignal, onPosition?: (position: number) => void): Promise<() => void> {
    if (this.active < this.capacity) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.length >= this.queueLimit) return Promise.reject(new SandboxBusy(this.retryAfter()));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: (release) => {
          cleanup();
          resolve(release);
        },
        fail: (err) => {
          cleanup();
          reject(err);
        },
        onPosition,
      };
      const timer = setTimeout(() => this.drop(waiter, new SandboxBusy(this.retryAfter())), this.queueTimeoutMs);
      const onAbort = () => this.drop(waiter, signal?.reason instanceof Error ? signal.reason : new Error("aborted"));
      const cleanup = () => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.waiting.push(waiter);
      onPosition?.(this.waiting.length);
    });
  }

  private drop(waiter: Waiter, err: Error) {
    const i = this.waiting.indexOf(waiter);
    if (i >= 0) {
      this.waiting.splice(i, 1);
      this.announce(i);
    }
    waiter.fail(err);
  }

  /** Tell everyone from index `from` on their new place. */
  private announce(from: number) {
    for (let i = from; i < this.waiting.length; i++) this.waiting[i]?.onPosition?.(i + 1);
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // Over capacity (an engine left while runs were going): give the slot back, not onward.
      const next = this.active <= this.capacity ? this.waiting.shift() : undefined;
      if (next) {
        next.grant(this.releaser());
        this.announce(0);
      } else this.active--;
    };
  }

  /** Seconds a client should wait: roughly one run's worth per queued batch. */
  private retryAfter(): number {
    return Math.max(1, Math.ceil((this.waiting.length + 1) / this.capacity));
  }
}
