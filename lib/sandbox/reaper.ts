import { LABEL } from "./container-spec";
import type { SandboxBackend } from "./docker";

export interface ReaperOptions {
  /** This Runbox instance: its own containers that are not in use are leftovers of an earlier life. */
  instanceId: string;
  /** Ids of this instance's containers that are in use now (running or warm). */
  inUse: () => Set<string>;
  /**
   * When this process started (epoch ms). Its own containers made since then that are not
   * (yet) in use may be starting right now: they are left for `graceMs`.
   */
  startedAt: number;
  graceMs?: number;
  /**
   * Whether another instance is known to be gone (its heartbeat stopped). Unknown instances are
   * alive: their containers are left alone until their deadline passes.
   */
  isInstanceGone?: (instanceId: string) => Promise<boolean>;
  now?: () => number;
  onError?: (err: unknown) => void;
}

/**
 * Removes labelled sandbox containers that nobody will use again: this instance's own that are
 * not in use, those of instances known to be gone, and any container past its deadline (no live
 * instance keeps one that long: runs are killed at theirs, warm ones retire before). Two
 * instances sharing one Docker engine therefore never remove each other's live containers.
 */
export class Reaper {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly backend: SandboxBackend,
    private readonly opts: ReaperOptions,
  ) {}

  /**
   * One sweep; returns how many containers it removed. Never throws. `outageSince`: the engine
   * was unreachable from then until now, so this instance's containers made before then that are
   * not in use are leftovers of runs it gave up on (their removal failed while it was away).
   */
  sweep(outageSince?: number): Promise<number> {
    this.running ??= this.doSweep(outageSince).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async doSweep(outageSince?: number): Promise<number> {
    const now = (this.opts.now ?? Date.now)();
    let removed = 0;
    try {
      const list = await this.backend.list(`${LABEL.app}=1`);
      const inUse = this.opts.inUse();
      const gone = new Map<string, boolean>();
      for (const c of list) {
        const owner = c.labels[LABEL.instance] ?? "";
        const deadline = Number(c.labels[LABEL.deadline] ?? 0);
        let reap = deadline <= now;
        if (!reap && owner === this.opts.instanceId) {
          const fromEarlierLife = c.createdAt < this.opts.startedAt - 1000;
          const stale = now - c.createdAt > (this.opts.graceMs ?? 120_000);
          const beforeOutage = outageSince !== undefined && c.createdAt < outageSince;
          reap = !inUse.has(c.id) && (fromEarlierLife || stale || beforeOutage);
        } else if (!reap && owner && this.opts.isInstanceGone) {
          if (!gone.has(owner)) gone.set(owner, await this.opts.isInstanceGone(owner).catch(() => false));
          reap = gone.get(owner) === true;
        }
        if (!reap) continue;
        try {
          await this.backend.remove(c.id);
          removed++;
        } catch (err) {
          this.opts.onError?.(err);
        }
      }
    } catch (err) {
      this.opts.onError?.(err);
    }
    return removed;
  }

  /** Sweep now and then every `intervalMs`. */
  start(intervalMs: number): void {
    if (this.timer) return;
    void this.sweep();
    this.timer = setInterval(() => void this.sweep(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
