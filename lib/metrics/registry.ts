import "server-only";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { Engine } from "../sandbox";

/**
 * Every metric Runbox exports (GET /metrics), in one registry per process. Labels only ever take
 * values from closed sets or from the server's own configuration (language ids of the engine's
 * registry, run statuses, Docker engine ids): never user input, run ids or usernames, so a
 * client cannot grow the number of series.
 */
function build() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const engine = () => g.__runboxMetricsEngine;
  const hosts = () => engine()?.hosts ?? [];

  const runs = new Counter({
    name: "runbox_runs_total",
    help: "Programs the engine finished or gave up on, by kind (run, batch: a judging, interactive), language and status",
    labelNames: ["kind", "language", "status"] as const,
    registers,
  });
  const runDuration = new Histogram({
    name: "runbox_run_duration_seconds",
    help: "Time from asking the engine to its answer, queueing included",
    labelNames: ["kind", "language"] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 600],
    registers,
  });
  const queueWait = new Histogram({
    name: "runbox_queue_wait_seconds",
    help: "Time a run waited for a slot",
    buckets: [0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers,
  });
  const apiRefusals = new Counter({
    name: "runbox_api_refusals_total",
    help: "API calls refused before running anything: unauthorized, rate_limited, quota_exceeded, too_many_runs",
    labelNames: ["code"] as const,
    registers,
  });

  // Read from the engine's snapshot at scrape time.
  const gauge = (name: string, help: string, read: (set: (v: number) => void) => void) =>
    new Gauge({
      name,
      help,
      registers,
      collect() {
        this.reset();
        read((v) => this.set(v));
      },
    });
  const perEngine = (
    type: "gauge" | "counter",
    name: string,
    help: string,
    read: (h: ReturnType<typeof hosts>[number]) => number,
  ) => {
    const collect = function (this: Gauge<"engine"> | Counter<"engine">) {
      this.reset();
      for (const h of hosts()) (this as Gauge<"engine">).inc({ engine: h.id }, read(h));
    };
    return type === "gauge"
      ? new Gauge({ name, help, labelNames: ["engine"] as const, registers, collect })
      : new Counter({ name, help, labelNames: ["engine"] as const, registers, collect });
  };

  gauge("runbox_queue_depth", "Runs waiting for a slot", (set) => {
    const e = engine();
    if (e) set(e.slots.stats.queued);
  });
  gauge("runbox_queue_limit", "Runs that may wait for a slot before the answer is busy", (set) => {
    const e = engine();
    if (e) set(e.slots.stats.queueLimit);
  });
  gauge("runbox_slots_active", "Run slots in use", (set) => {
    const e = engine();
    if (e) set(e.slots.stats.active);
  });
  gauge("runbox_slots_capacity", "Run slots (the capacity of the Docker engines in service)", (set) => {
    const e = engine();
    if (e) set(e.slots.stats.capacity);
  });
  perEngine("gauge", "runbox_engine_up", "1 while the Docker engine answers and is in service", (h) =>
    h.state === "up" ? 1 : 0,
  );
  perEngine("gauge", "runbox_engine_load", "Programs running (or being placed) on the Docker engine", (h) => h.load);
  perEngine("gauge", "runbox_engine_capacity", "Programs the Docker engine may run at once", (h) => h.opts.capacity);
  perEngine("gauge", "runbox_pool_warm_containers", "Idle warm containers", (h) => h.pool.stats().warm);
  perEngine("counter", "runbox_pool_hits_total", "Runs that got a warm container", (h) => h.pool.counters.hits);
  perEngine("counter", "runbox_pool_misses_total", "Runs that had to start a container", (h) => h.pool.counters.misses);
  perEngine(
    "counter",
    "runbox_container_create_failures_total",
    "Containers Docker would not create or start (runs and warm pool)",
    (h) => h.counters.createFailures,
  );
  new Counter({
    name: "runbox_container_remove_failures_total",
    help: "Containers Docker failed to remove (after a run, or left over and found by a reaper)",
    registers,
    collect() {
      this.reset();
      const e = engine();
      if (e) this.inc(e.removals.failures + e.hosts.reduce((n, h) => n + h.counters.reaperFailures, 0));
    },
  });

  return { registry, runs, runDuration, queueWait, apiRefusals };
}

const g = globalThis as typeof globalThis & {
  __runboxMetrics?: ReturnType<typeof build>;
  __runboxMetricsEngine?: Engine;
};

/** The engine whose slots, pools and Docker engines the scrape-time gauges read (the app's). */
export function setMetricsEngine(engine: Engine): void {
  g.__runboxMetricsEngine = engine;
}

/** The process's metrics (one set, shared by every bundle of the app through globalThis). */
export function metrics(): ReturnType<typeof build> {
  g.__runboxMetrics ??= build();
  return g.__runboxMetrics;
}
