/**
 * analyze() for request handlers: in a worker thread with a time budget (worker-pool.ts), so
 * analysing one run's output never blocks the event loop every other request shares. The
 * synchronous analyze() stays for tests, scripts and the worker itself.
 */
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { env } from "../env";
import { log } from "../log";
import { analyze, mayReport } from "./analyze";
import { boundInput } from "./bounds";
import type { AnalyzeInput, DebugReport } from "./types";
import { AnalysisPool } from "./worker-pool";

/** Analyses that may wait for a busy worker; more get the plain report at once. */
const QUEUE_LIMIT = 16;

/**
 * The bundled worker (scripts/build-debug-worker.mjs, run after every `next build`, before
 * `next dev` and by the integration tests' set-up). Next's build output is what every way of
 * serving the app already has, and a path read at run time is outside any bundler's reach.
 */
export function debugWorkerFile(): string {
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), ".next", "runbox", "debug-worker.mjs");
}

// One pool per process, on globalThis: Next.js bundles (and dev reloads) re-evaluate
// modules, and a second pool would double the workers. null: no worker file, analyse in-process.
const g = globalThis as typeof globalThis & { __runboxDebugPool?: AnalysisPool | null };

function sharedPool(): AnalysisPool | null {
  if (g.__runboxDebugPool !== undefined) return g.__runboxDebugPool;
  const file = debugWorkerFile();
  if (!fs.existsSync(file)) {
    log.warn(
      { file },
      "debug worker not built (node scripts/build-debug-worker.mjs): analysing run output in-process, bounded but on the event loop",
    );
    g.__runboxDebugPool = null;
    return null;
  }
  const e = env();
  g.__runboxDebugPool = new AnalysisPool({
    file,
    workers: e.RUNBOX_DEBUG_WORKERS,
    queueLimit: QUEUE_LIMIT,
    budgetMs: e.RUNBOX_DEBUG_BUDGET_MS,
    fallback: (input) => analyze(input, { parsers: false }),
    warn: (details, message) => log.warn(details, message),
  });
  return g.__runboxDebugPool;
}

/** The DebugReport for a finished run, analysed off the event loop within the time budget. */
export async function analyzeOffThread(input: AnalyzeInput): Promise<DebugReport | null> {
  if (!mayReport(input)) return null;
  // Bounded here, so only what analysis reads is copied to the worker.
  const bounded = boundInput(input);
  const shared = sharedPool();
  return shared ? shared.analyze(bounded) : analyze(bounded);
}

/** The shared pool's counters, or null when analysis runs in-process. */
export function debugPoolStats() {
  return sharedPool()?.stats() ?? null;
}
