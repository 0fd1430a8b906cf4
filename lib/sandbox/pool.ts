import { nanoid } from "nanoid";
import { log } from "../log";
import { SandboxBox, settleRemovals } from "./box";
import type { ContainerSpecInput } from "./container-spec";

/** What a pooled container must match to serve a run: everything but its labels. */
export type PoolSpec = Omit<ContainerSpecInput, "runId" | "deadline">;

export interface PoolOptions {
  /** Warm containers kept per recently used language (0 turns the pool off). */
  perLanguage: number;
  /** Upper bound on the memory limits of all idle containers together. */
  memoryBudgetMb: number;
  /** A language unused this long shrinks to zero warm containers. */
  idleMs: number;
  /** Idle containers older than this are replaced (new image, fresh state). */
  maxAgeMs: number;
  /** May the pool start a container now? False while runs need the CPU. */
  canRefill: () => boolean;
}

interface Idle {
  box: SandboxBox;
  key: string;
  memoryMb: number;
  createdAt: number;
}

const keyOf = (spec: PoolSpec) => JSON.stringify(spec);

/**
 * Warm containers, created and started ahead of time with the exact security config of a run,
 * each used for exactly one run and then removed: no state passes between runs, but a run
 * costs neither a container start nor a `docker exec` (rbrun waits on stdin for its job).
 */
export class WarmPool {
  private readonly idle: Idle[] = [];
  /** Specs in demand, by key: when each was last asked for. */
  private readonly demand = new Map<string, { spec: PoolSpec; lastUsed: number }>();
  private refilling?: Promise<void>;
  private timer?: NodeJS.Timeout;
  readonly counters = { hits: 0, misses: 0, created: 0, retired: 0, failed: 0 };

  constructor(private readonly opts: PoolOptions) {}

  get enabled(): boolean {
    return this.opts.perLanguage > 0;
  }

  /** A warm container for this spec (now owned by the caller), or undefined. */
  take(spec: PoolSpec): SandboxBox | undefined {
    if (!this.enabled || spec.network) return undefined;
    const key = keyOf(spec);
    this.demand.set(key, { spec, lastUsed: Date.now() });
    const i = this.idle.findIndex((e) => e.key === key && e.box.alive);
    const entry = i >= 0 ? this.idle.splice(i, 1)[0] : undefined;
    if (entry) this.counters.hits++;
    else this.counters.misses++;
    this.kick();
    return entry?.box;
  }

  /** Ask for warm containers of a spec before anyone needs them (e.g. at start-up). */
  prewarm(spec: PoolSpec): void {
    if (!this.enabled) return;
    this.demand.set(keyOf(spec), { spec, lastUsed: Date.now() });
    this.kick();
  }

  /** Per language: warm containers and memory they hold. */
  stats() {
    const byImage: Record<string, number> = {};
    for (const e of this.idle) {
      const spec = JSON.parse(e.key) as PoolSpec;
      byImage[spec.image] = (byImage[spec.image] ?? 0) + 1;
    }
    return {
      enabled: this.enabled,
      warm: this.idle.length,
      warmByImage: byImage,
      idleMemoryMb: this.idleMemoryMb(),
      memoryBudgetMb: this.opts.memoryBudgetMb,
      ...this.counters,
    };
  }

  /** Container ids currently idle in the pool (tests use this to tell them from leftovers). */
  idleIds(): string[] {
    return this.idle.map((e) => e.box.container.id);
  }

  /** Remove every idle container and wait for every removal in flight (shutdown, tests). */
  async drain(): Promise<void> {
    this.demand.clear();
    await this.refilling;
    const all = this.idle.splice(0);
    await Promise.all(all.map((e) => e.box.destroy()));
    await settleRemovals();
  }

  /** Start the periodic upkeep (retire old, shrink idle languages, refill). */
  start(intervalMs = 5000): void {
    if (this.timer || !this.enabled) return;
    this.timer = setInterval(() => this.kick(), intervalMs);
    this.timer.unref();
  }

  private idleMemoryMb(): number {
    return this.idle.reduce((n, e) => n + e.memoryMb, 0);
  }

  /** One container at a time, and only while runs leave CPU to spare. */
  private kick(): void {
    if (this.refilling) return;
    this.refilling = this.upkeep()
      .catch((err) => log.warn({ err }, "warm pool upkeep failed"))
      .finally(() => {
        this.refilling = undefined;
      });
  }

  private async upkeep(): Promise<void> {
    const now = Date.now();
    for (const [key, d] of this.demand) if (now - d.lastUsed > this.opts.idleMs) this.demand.delete(key);
    // Retire: too old, dead, or no longer in demand.
    for (let i = this.idle.length - 1; i >= 0; i--) {
      const e = this.idle[i];
      if (!e) continue;
      if (now - e.createdAt > this.opts.maxAgeMs || !e.box.alive || !this.demand.has(e.key)) {
        this.idle.splice(i, 1);
        this.counters.retired++;
        void e.box.destroy();
      }
    }
    // Refill the most recently used specs first.
    const wanted = [...this.demand.entries()].sort((a, b) => b[1].lastUsed - a[1].lastUsed);
    for (const [key, d] of wanted) {
      while (this.idle.filter((e) => e.key === key).length < this.opts.perLanguage) {
        if (!this.opts.canRefill()) return;
        if (this.idleMemoryMb() + d.spec.memoryMb > this.opts.memoryBudgetMb) return;
        try {
          const box = await SandboxBox.open({
            ...d.spec,
            runId: `pool-${nanoid(10)}`,
            deadline: Date.now() + this.opts.maxAgeMs + 10 * 60_000,
          });
          this.counters.created++;
          if (!this.demand.has(key)) {
            void box.destroy();
            return;
          }
          this.idle.push({ box, key, memoryMb: d.spec.memoryMb, createdAt: Date.now() });
        } catch (err) {
          this.counters.failed++;
          log.warn({ err }, "could not start a warm container");
          return;
        }
      }
    }
  }
}
