import { nanoid } from "nanoid";
import { log } from "../log";
import { type Removals, SandboxBox } from "./box";
import type { SandboxBackend } from "./docker";
import { type PoolOptions, type PoolSpec, WarmPool } from "./pool";
import { Reaper } from "./reaper";

export interface HostOptions {
  id: string;
  /** Programs this Docker engine may run at once. */
  capacity: number;
  instanceId: string;
  pool: PoolOptions;
  reaper: { intervalMs: number; isInstanceGone?: (instanceId: string) => Promise<boolean> };
  startedAt: number;
  /** Whether warm containers may be started now (runs first: not while any are waiting). */
  canRefill: () => boolean;
}

export type HostState = "up" | "down";

/** Pings that must fail in a row before a host is taken out (one slow answer is not an outage). */
const FAILURES_BEFORE_DOWN = 2;

/**
 * One Docker engine the Engine runs programs on: its client, capacity, warm pool, reaper and
 * health. A host that stops answering is taken out: its runs in flight end (their streams are
 * cut, so they finish as internal errors within their deadline), new runs go elsewhere, and it
 * is used again when it answers; then its reaper removes whatever this instance left there.
 */
export class Host {
  readonly pool: WarmPool;
  readonly reaper: Reaper;
  state: HostState = "up";
  lastError: string | undefined;
  version: string | undefined;
  /** Boxes running a program here now. */
  private readonly running = new Set<SandboxBox>();
  /** Runs placed here whose container is still being taken or started. */
  private reserved = 0;
  /** Runs placed here since this instance started (stats: how work spreads over engines). */
  private placed = 0;
  /** Containers on their way out (still this instance's: the reaper must leave them alone). */
  private readonly leaving = new Set<string>();
  private failures = 0;
  /** When it was taken out of service (its leftovers from before then are reaped when it is back). */
  private downSince: number | undefined;
  /** Images known to be present (checked once, again after a failure). */
  private readonly images = new Map<string, boolean>();
  /** Containers Docker would not create or start, and leftovers the reaper could not remove. */
  readonly counters = { createFailures: 0, reaperFailures: 0 };

  constructor(
    readonly backend: SandboxBackend,
    private readonly removals: Removals,
    readonly opts: HostOptions,
  ) {
    this.pool = new WarmPool(opts.pool, {
      open: (spec, maxAgeMs) => this.open(spec, `pool-${nanoid(10)}`, maxAgeMs + 10 * 60_000),
      canRefill: () => this.state === "up" && this.free > 0 && opts.canRefill(),
      onError: (err) => log.warn({ err, host: opts.id }, "could not start a warm container"),
    });
    this.reaper = new Reaper(backend, {
      instanceId: opts.instanceId,
      startedAt: opts.startedAt,
      inUse: () => new Set([...[...this.running].map((b) => b.id), ...this.leaving, ...this.pool.idleIds()]),
      isInstanceGone: opts.reaper.isInstanceGone,
      onError: (err) => {
        this.counters.reaperFailures++;
        log.warn({ err, host: opts.id }, "reaper could not remove a sandbox container");
      },
    });
  }

  get id(): string {
    return this.opts.id;
  }

  get load(): number {
    return this.running.size + this.reserved;
  }

  get free(): number {
    return this.opts.capacity - this.load;
  }

  /** Hold a place for a run about to be placed here (synchronously, so two runs never pick one place). */
  reserve(): () => void {
    this.reserved++;
    let done = false;
    return () => {
      if (!done) this.reserved--;
      done = true;
    };
  }

  /** Whether this host has the image (cached; a miss is checked again next time). */
  async hasImage(image: string): Promise<boolean> {
    if (this.images.get(image)) return true;
    const present = await this.backend.hasImage(image).catch(() => false);
    this.images.set(image, present);
    return present;
  }

  async open(spec: PoolSpec, runId: string, lifetimeMs: number): Promise<SandboxBox> {
    try {
      return await SandboxBox.open(this.backend, this.removals, {
        ...spec,
        runId,
        instanceId: this.opts.instanceId,
        deadline: Date.now() + lifetimeMs,
      });
    } catch (err) {
      this.counters.createFailures++;
      throw err;
    }
  }

  /** A container for one run: warm from this host's pool, or started now; counted until released. */
  async take(spec: PoolSpec, runId: string, budgetMs: number): Promise<SandboxBox> {
    const box = this.pool.take(spec) ?? (await this.open(spec, runId, budgetMs + 60_000));
    this.running.add(box);
    this.placed++;
    return box;
  }

  release(box: SandboxBox): void {
    this.running.delete(box);
    this.leaving.add(box.id);
    void box.destroy().finally(() => this.leaving.delete(box.id));
    this.pool.kick();
  }

  /** Ask the engine how it is; after repeated failures the host is taken out, and back in when it answers. */
  async check(timeoutMs = 3000): Promise<void> {
    try {
      const { version } = await this.backend.ping(timeoutMs);
      this.version = version;
      this.failures = 0;
      if (this.state === "down") {
        log.info({ host: this.id }, "Docker engine answers again: back in service");
        this.state = "up";
        this.images.clear();
        void this.reaper.sweep(this.downSince);
      }
    } catch (err) {
      this.failures++;
      this.lastError = err instanceof Error ? err.message : String(err);
      if (this.state === "up" && this.failures >= FAILURES_BEFORE_DOWN) this.takeOut();
    }
  }

  /** Out of service: cut the runs in flight (they end as internal errors now, not at their deadline). */
  takeOut(): void {
    if (this.state === "down") return;
    log.error({ host: this.id, error: this.lastError }, "Docker engine stopped answering: taken out of service");
    this.state = "down";
    this.downSince = Date.now();
    for (const box of this.running) box.abandon("The Docker engine running this program stopped answering.");
  }

  stats() {
    return {
      id: this.id,
      state: this.state,
      version: this.version,
      capacity: this.opts.capacity,
      load: this.load,
      runs: this.placed,
      ...(this.lastError && this.state === "down" ? { error: this.lastError } : {}),
      pool: this.pool.stats(),
      ...this.counters,
    };
  }
}
