/**
 * A small pool of analysis worker threads with a time budget. Analysis is linear and reads a
 * bounded text, but it still runs off the request path's event loop: one run's output must
 * never stall every other request. Each analysis gets `budgetMs` from the moment it is asked
 * for (waiting included); when that runs out its worker is terminated (a regex or loop gone
 * wrong cannot be interrupted any other way) and the caller gets `fallback(input)`: the
 * report from the run's facts alone. When every worker is busy and `queueLimit` analyses
 * already wait, the fallback answers at once, so a flood of analyses cannot pile up.
 */
import { Worker } from "node:worker_threads";
import type { AnalyzeInput, DebugReport } from "./types";

export interface WorkerRequest {
  id: number;
  input: AnalyzeInput;
}
export type WorkerReply = { id: number; report: DebugReport | null } | { id: number; error: string };

export interface PoolOptions {
  /** The bundled worker entry (a .mjs file). */
  file: string;
  workers: number;
  queueLimit: number;
  budgetMs: number;
  /** The answer when the worker cannot give one in time (or fails). Must be cheap. */
  fallback: (input: AnalyzeInput) => DebugReport | null;
  warn: (details: Record<string, unknown>, message: string) => void;
}

interface Job {
  id: number;
  input: AnalyzeInput;
  resolve: (report: DebugReport | null) => void;
  timer?: NodeJS.Timeout;
  done: boolean;
}

interface Slot {
  worker: Worker | null;
  job: Job | null;
}

/** Heap of one worker: inputs are bounded (a few hundred KiB), so this is ample. */
const WORKER_HEAP_MB = 128;

export class AnalysisPool {
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private readonly counts = { analysed: 0, timedOut: 0, rejected: 0, failed: 0 };

  constructor(private readonly opts: PoolOptions) {
    this.slots = Array.from({ length: Math.max(1, opts.workers) }, () => ({ worker: null, job: null }));
  }

  /** The report for one finished run, from a worker within the budget, or the fallback. */
  analyze(input: AnalyzeInput): Promise<DebugReport | null> {
    return new Promise((resolve) => {
      const idle = this.slots.some((s) => s.job === null);
      if (!idle && this.queue.length >= this.opts.queueLimit) {
        this.counts.rejected++;
        this.opts.warn({ queued: this.queue.length }, "debug analysis queue full: answering from the run's facts");
        resolve(this.fallback(input));
        return;
      }
      const job: Job = { id: this.nextId++, input, resolve, done: false };
      job.timer = setTimeout(() => this.expire(job), this.opts.budgetMs);
      this.queue.push(job);
      this.pump();
    });
  }

  stats() {
    return {
      workers: this.slots.filter((s) => s.worker !== null).length,
      busy: this.slots.filter((s) => s.job !== null).length,
      queued: this.queue.length,
      ...this.counts,
    };
  }

  /** Stops every worker; analyses still running or waiting get the fallback. */
  async close(): Promise<void> {
    const pending = [...this.slots.flatMap((s) => (s.job ? [s.job] : [])), ...this.queue.splice(0)];
    const stopped = Promise.all(this.slots.map((slot) => this.retire(slot)));
    for (const job of pending) this.finish(job, this.fallback(job.input));
    await stopped;
  }

  private fallback(input: AnalyzeInput): DebugReport | null {
    try {
      return this.opts.fallback(input);
    } catch (err) {
      this.opts.warn({ err }, "debug fallback report failed");
      return null;
    }
  }

  private finish(job: Job, report: DebugReport | null) {
    if (job.done) return;
    job.done = true;
    clearTimeout(job.timer);
    job.resolve(report);
  }

  private expire(job: Job) {
    if (job.done) return;
    this.counts.timedOut++;
    const slot = this.slots.find((s) => s.job === job);
    this.opts.warn(
      { budgetMs: this.opts.budgetMs, language: job.input.language, running: Boolean(slot) },
      "debug analysis over its time budget: worker stopped, answering from the run's facts",
    );
    if (slot) void this.retire(slot);
    else this.queue.splice(this.queue.indexOf(job), 1);
    this.finish(job, this.fallback(job.input));
    this.pump();
  }

  private pump() {
    for (const slot of this.slots) {
      if (slot.job !== null) continue;
      const job = this.queue.shift();
      if (!job) return;
      slot.job = job;
      try {
        (slot.worker ?? this.spawn(slot)).postMessage({ id: job.id, input: job.input } satisfies WorkerRequest);
      } catch (err) {
        this.fail(slot, err);
      }
    }
  }

  private spawn(slot: Slot): Worker {
    // No inherited flags (tsx loaders, --conditions): the bundle needs none.
    const worker = new Worker(this.opts.file, {
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    // An idle worker must not keep a process (a script, a test run) alive.
    worker.unref();
    worker.on("message", (reply: WorkerReply) => {
      const job = slot.job;
      if (slot.worker !== worker || !job || job.id !== reply.id) return;
      slot.job = null;
      if ("error" in reply) {
        this.counts.failed++;
        this.opts.warn({ error: reply.error, language: job.input.language }, "debug analysis threw");
        this.finish(job, this.fallback(job.input));
      } else {
        this.counts.analysed++;
        this.finish(job, reply.report);
      }
      this.pump();
    });
    worker.on("error", (err) => {
      if (slot.worker === worker) this.fail(slot, err);
    });
    worker.on("exit", (code) => {
      if (slot.worker === worker) this.fail(slot, new Error(`debug worker exited with code ${code}`));
    });
    slot.worker = worker;
    return worker;
  }

  /** A worker that crashed, ran out of memory or could not start: its job gets the fallback. */
  private fail(slot: Slot, err: unknown) {
    this.counts.failed++;
    this.opts.warn({ err }, "debug worker failed: answering from the run's facts");
    const job = slot.job;
    void this.retire(slot);
    if (job) this.finish(job, this.fallback(job.input));
    this.pump();
  }

  private async retire(slot: Slot) {
    const worker = slot.worker;
    slot.worker = null;
    slot.job = null;
    if (worker) await worker.terminate();
  }
}
