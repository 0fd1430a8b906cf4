import type { SandboxBox } from "./box";
import type { ContainerSpecInput } from "./container-spec";
import { SandboxUnavailable } from "./errors";

/** What a pooled container must match to serve a run: everything but its labels. */
export type PoolSpec = Omit<ContainerSpecInput, "runId" | "deadline" | "instanceId">;

export interface PoolOptions {
  /** Warm containers kept per spec in demand (0 turns the pool off); busy specs may get more. */
  perSpec: number;
  /** The most warm containers one spec may grow to when runs keep missing the pool. */
  maxPerSpec: number;
  /** The most distinct specs kept warm at once (the busiest ones win). */
  maxSpecs: number;
  /** Requests for a spec within `idleMs` before it is worth keeping warm (prewarmed specs: at once). */
  minDemand: number;
  /** Upper bound on the memory limits of all idle containers together. */
  memoryBudgetMb: number;
  /** A spec unused this long shrinks to zero warm containers. */
  idleMs: number;
  /** Idle containers older than this are replaced (new image, fresh state). */
  maxAgeMs: number;
}

export interface PoolHooks {
  /** Start a container for this spec (the engine labels it and tracks its removal). */
  open: (spec: PoolSpec, maxAgeMs: number) => Promise<SandboxBox>;
  /** May the pool start a container now? False while runs need the CPU. */
  canRefill: () => boolean;
  onError?: (err: unknown, spec: PoolSpec) => void;
  now?: () => number;
}

interface Idle {
  box: SandboxBox;
  key: string;
  memoryMb: number;
  createdAt: number;
}

interface Demand {
  spec: PoolSpec;
  /** Times asked for in the current window, and when the window started. */
  count: number;
  lastUsed: number;
  /** Warm containers wanted now: grows on misses, back to `perSpec` when idle. */
  target: number;
  pinned: boolean;
}

export const poolKey = (spec: PoolSpec) => JSON.stringify(spec);

/**
 * Warm containers, created and started ahead of time with the exact security config of a run,
 * each used for exactly one run and then removed: no state passes between runs, but a run
 * costs neither a container start nor a `docker exec` (rbrun waits on stdin for its job).
 *
 * Only what is worth pooling is pooled: prewarmed specs and specs asked for `minDemand` times
 * recently, at most `maxSpecs` of them; a spec Docker refused is never tried again.
 */
export class WarmPool {
  private readonly idle: Idle[] = [];
  private readonly demand = new Map<string, Demand>();
  /** Specs Docker refused (a bad config, not an outage): never retried. */
  private readonly refused = new Set<string>();
  private refilling?: Promise<void>;
  private timer?: NodeJS.Timeout;
  private readonly now: () => number;
  readonly counters = { hits: 0, misses: 0, created: 0, retired: 0, failed: 0 };

  constructor(
    private readonly opts: PoolOptions,
    private readonly hooks: PoolHooks,
  ) {
    this.now = hooks.now ?? Date.now;
  }

  get enabled(): boolean {
    return this.opts.perSpec > 0;
  }

  /** A warm container for this spec (now owned by the caller), or undefined. */
  take(spec: PoolSpec): SandboxBox | undefined {
    if (!this.enabled || spec.network) return undefined;
    const key = poolKey(spec);
    const before = this.demand.get(key);
    const wasPooled = before !== undefined && this.worthPooling(before);
    const d = this.note(key, spec);
    const i = this.idle.findIndex((e) => e.key === key && e.box.alive);
    const entry = i >= 0 ? this.idle.splice(i, 1)[0] : undefined;
    if (entry) this.counters.hits++;
    else {
      this.counters.misses++;
      // Runs arrive faster than one warm container is replaced: keep more of this spec.
      if (wasPooled) d.target = Math.min(this.opts.maxPerSpec, d.target + 1);
    }
    this.kick();
    return entry?.box;
  }

  /** Keep a spec warm from now on, before anyone asks (start-up). */
  prewarm(spec: PoolSpec): void {
    if (!this.enabled) return;
    const d = this.note(poolKey(spec), spec);
    d.pinned = true;
    this.kick();
  }

  private note(key: string, spec: PoolSpec): Demand {
    const t = this.now();
    let d = this.demand.get(key);
    if (!d) {
      d = { spec, count: 0, lastUsed: t, target: this.opts.perSpec, pinned: false };
      this.demand.set(key, d);
    }
    if (t - d.lastUsed > this.opts.idleMs) d.count = 0;
    d.count++;
    d.lastUsed = t;
    return d;
  }

  private worthPooling(d: Demand): boolean {
    return !this.refused.has(poolKey(d.spec)) && (d.pinned || d.count >= this.opts.minDemand);
  }

  /** The specs kept warm now: the most recently used among those worth pooling. */
  private pooledSpecs(): [string, Demand][] {
    return [...this.demand.entries()]
      .filter(([, d]) => this.worthPooling(d))
      .sort((a, b) => Number(b[1].pinned) - Number(a[1].pinned) || b[1].lastUsed - a[1].lastUsed)
      .slice(0, this.opts.maxSpecs);
  }

  stats() {
    const byImage: Record<string, number> = {};
    for (const e of this.idle) byImage[e.box.spec.image] = (byImage[e.box.spec.image] ?? 0) + 1;
    return {
      enabled: this.enabled,
      warm: this.idle.length,
      warmByImage: byImage,
      specs: this.pooledSpecs().length,
      idleMemoryMb: this.idleMemoryMb(),
      memoryBudgetMb: this.opts.memoryBudgetMb,
      ...this.counters,
    };
  }

  /** Container ids currently idle in the pool. */
  idleIds(): string[] {
    return this.idle.map((e) => e.box.id);
  }

  /** Remove every idle container and stop refilling until asked again (shutdown, tests). */
  async drain(): Promise<void> {
    this.demand.clear();
    await this.refilling;
    const all = this.idle.splice(0);
    await Promise.all(all.map((e) => e.box.destroy()));
  }

  /** Start the periodic upkeep (retire old, shrink idle specs, refill). */
  start(intervalMs = 5000): void {
    if (this.timer || !this.enabled) return;
    this.timer = setInterval(() => this.kick(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private idleMemoryMb(): number {
    return this.idle.reduce((n, e) => n + e.memoryMb, 0);
  }

  /** One container at a time, and only while runs leave CPU to spare. */
  kick(): void {
    if (this.refilling || !this.enabled) return;
    this.refilling = this.upkeep()
      .catch((err) => this.hooks.onError?.(err, { image: "" } as PoolSpec))
      .finally(() => {
        this.refilling = undefined;
      });
  }

  /** One pass; resolves when done (tests await it through `settled`). */
  get settled(): Promise<void> {
    return this.refilling ?? Promise.resolve();
  }

  private async upkeep(): Promise<void> {
    const t = this.now();
    for (const [key, d] of this.demand) {
      if (t - d.lastUsed > this.opts.idleMs) {
        if (d.pinned) d.target = this.opts.perSpec;
        else this.demand.delete(key);
      }
    }
    const pooled = this.pooledSpecs();
    const wanted = new Set(pooled.map(([key]) => key));
    // Retire: too old, dead, or no longer worth keeping.
    for (let i = this.idle.length - 1; i >= 0; i--) {
      const e = this.idle[i];
      if (!e) continue;
      const over = this.idle.filter((x) => x.key === e.key).length > (this.demand.get(e.key)?.target ?? 0);
      if (t - e.createdAt > this.opts.maxAgeMs || !e.box.alive || !wanted.has(e.key) || over) {
        this.idle.splice(i, 1);
        this.counters.retired++;
        void e.box.destroy();
      }
    }
    for (const [key, d] of pooled) {
      while (this.idle.filter((e) => e.key === key).length < d.target) {
        if (!this.hooks.canRefill()) return;
        if (this.idleMemoryMb() + d.spec.memoryMb > this.opts.memoryBudgetMb) return;
        try {
          const box = await this.hooks.open(d.spec, this.opts.maxAgeMs);
          this.counters.created++;
          if (!this.demand.has(key)) {
            void box.destroy();
            return;
          }
          this.idle.push({ box, key, memoryMb: d.spec.memoryMb, createdAt: this.now() });
        } catch (err) {
          this.counters.failed++;
          // An outage heals by itself (try again next pass); a refused spec never does.
          if (!(err instanceof SandboxUnavailable)) this.refused.add(key);
          this.hooks.onError?.(err, d.spec);
          return;
        }
      }
    }
  }
}
