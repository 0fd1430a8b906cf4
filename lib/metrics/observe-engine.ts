import "server-only";
import type { Engine } from "../sandbox";
import { noteInternalError } from "./internal-errors";
import { metrics, setMetricsEngine } from "./registry";

const g = globalThis as typeof globalThis & { __runboxObserved?: WeakSet<Engine> };

/**
 * Count an engine's runs into the metrics and remember its faults for the admin page (once per
 * engine); its snapshot is what the scrape-time gauges read from now on.
 */
export function observeEngine(engine: Engine): void {
  setMetricsEngine(engine);
  g.__runboxObserved ??= new WeakSet();
  const seen = g.__runboxObserved;
  if (seen.has(engine)) return;
  seen.add(engine);
  engine.observers.onRun((o) => {
    const m = metrics();
    m.runs.inc({ kind: o.kind, language: o.language, status: o.status });
    m.runDuration.observe({ kind: o.kind, language: o.language }, o.durationMs / 1000);
    if (o.status !== "busy" && o.status !== "unavailable") m.queueWait.observe(o.queueMs / 1000);
    if (o.status === "internal_error") noteInternalError(o);
  });
}
