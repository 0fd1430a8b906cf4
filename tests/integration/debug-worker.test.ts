/**
 * Error analysis off the event loop: the shared worker pool (the real bundled worker, built by
 * the integration set-up) analyses a linker flood while timers keep firing on time; a worker
 * stuck in a catastrophic regex is stopped at its budget and the run's plain report returned;
 * a flood beyond the queue bound is answered at once.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { analyze } from "@/lib/debug/analyze";
import { analyzeOffThread, debugPoolStats, debugWorkerFile } from "@/lib/debug/analyze-off-thread";
import type { AnalyzeInput } from "@/lib/debug/types";
import { AnalysisPool } from "@/lib/debug/worker-pool";

const LIMITS = {
  timeoutMs: 2000,
  compileTimeoutMs: 20000,
  memoryMb: 256,
  compileMemoryMb: 768,
  pids: 64,
  outputKb: 1024,
};

/** A failed C compile whose output is `output` (both streams, as the engine reports them). */
function compileError(output: string, language = "c"): AnalyzeInput {
  const stage = {
    stdout: "",
    stderr: output,
    output,
    exitCode: 1,
    signal: null,
    timedOut: false,
    outOfMemory: false,
    outputTruncated: false,
    wallTimeMs: 1,
    cpuTimeMs: 1,
    memoryBytes: 1,
  };
  return { language, status: "compile_error", compile: stage, run: null, files: ["main.c"], limits: LIMITS };
}

/** 35k warnings and 18k undefined references: 12 s of CPU for the quadratic gcc parser. */
function linkerFlood(): string {
  const warnings = Array.from({ length: 35_000 }, (_, i) => `main.c:${i + 1}:5: warning: w`);
  const refs = Array.from(
    { length: 18_000 },
    (_, i) => `/usr/bin/ld: main.c:(.text+0x${i}): undefined reference to \`g${i}'`,
  );
  return [...warnings, ...refs].join("\n");
}

/** The longest gap between timer callbacks while it runs: how long the event loop was blocked. */
function watchEventLoop(): () => number {
  let worst = 0;
  let last = performance.now();
  let running = true;
  const tick = () => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
    if (running) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  return () => {
    running = false;
    // Work that ran synchronously since the last tick counts too.
    return Math.max(worst, performance.now() - last);
  };
}

/** A worker that answers at once, except for language "hang": a regex that backtracks for ages. */
const HOSTILE_WORKER = `
import { parentPort } from "node:worker_threads";
parentPort.on("message", ({ id, input }) => {
  if (input.language === "hang") /(a+)+$/.test("a".repeat(40) + "!");
  parentPort.postMessage({ id, report: { category: "syntax", stage: "compile", title: "from the worker", message: "", locations: [], frames: [], hint: "" } });
});
`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "runbox-debug-worker-"));
const hostileFile = path.join(dir, "hostile-worker.mjs");
fs.writeFileSync(hostileFile, HOSTILE_WORKER);
const pools: AnalysisPool[] = [];

function hostilePool(opts: { budgetMs: number; queueLimit: number }) {
  const warnings: string[] = [];
  const pool = new AnalysisPool({
    file: hostileFile,
    workers: 1,
    ...opts,
    fallback: (input) => analyze(input, { parsers: false }),
    warn: (_details, message) => warnings.push(message),
  });
  pools.push(pool);
  return { pool, warnings };
}

afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("debug analysis off the event loop", () => {
  it("analyses a linker flood in the bundled worker while the event loop stays responsive", async () => {
    expect(fs.existsSync(debugWorkerFile())).toBe(true);
    const before = debugPoolStats()?.analysed ?? 0;
    const input = compileError(linkerFlood());
    const stop = watchEventLoop();
    const reports = await Promise.all(Array.from({ length: 8 }, () => analyzeOffThread(input)));
    const blockedMs = stop();
    for (const r of reports) {
      expect(r).toMatchObject({
        category: "undefined_function",
        title: expect.stringMatching(/^undefined reference to 'g\d+'$/),
      });
    }
    // Parsed in the worker, not by the in-process fallback.
    expect((debugPoolStats()?.analysed ?? 0) - before).toBe(8);
    expect(blockedMs).toBeLessThan(200);
  });

  it("stops a worker that exceeds its budget and answers from the run's facts within budget + slack", async () => {
    const { pool, warnings } = hostilePool({ budgetMs: 500, queueLimit: 4 });
    const stop = watchEventLoop();
    const started = performance.now();
    const report = await pool.analyze(compileError("main.c:1:1: error: x", "hang"));
    const tookMs = performance.now() - started;
    const blockedMs = stop();
    expect(report).toMatchObject({ category: "compile", title: "Compilation failed (exit code 1)" });
    expect(tookMs).toBeGreaterThanOrEqual(450);
    expect(tookMs).toBeLessThan(500 + 1000);
    expect(blockedMs).toBeLessThan(200);
    expect(pool.stats()).toMatchObject({ timedOut: 1, busy: 0, queued: 0 });
    expect(warnings.join("\n")).toMatch(/over its time budget/);
    // The stopped worker is replaced: the next analysis gets a worker's answer again.
    expect((await pool.analyze(compileError("x")))?.title).toBe("from the worker");
  });

  it("answers at once from the run's facts when every worker is busy and the queue is full", async () => {
    const { pool } = hostilePool({ budgetMs: 1500, queueLimit: 2 });
    const hang = compileError("x", "hang");
    const pending = Array.from({ length: 3 }, () => pool.analyze(hang));
    const started = performance.now();
    const rejected = await Promise.all([pool.analyze(hang), pool.analyze(hang)]);
    expect(performance.now() - started).toBeLessThan(100);
    for (const r of rejected) expect(r?.title).toBe("Compilation failed (exit code 1)");
    expect(pool.stats()).toMatchObject({ busy: 1, queued: 2, rejected: 2 });
    // The running one and the two waiting ones all end by the budget, counted from when they were asked for.
    const settled = await Promise.all(pending);
    expect(performance.now() - started).toBeLessThan(1500 + 1000);
    for (const r of settled) expect(r?.title).toBe("Compilation failed (exit code 1)");
    expect(pool.stats()).toMatchObject({ busy: 0, queued: 0, timedOut: 3 });
  });
});
