/**
 * How much one maximal API run stores, and how fast a client sending them grows the database.
 * Run by hand against a scratch database (never part of CI pass/fail):
 *
 *   DATABASE_URL=file:$PWD/.runbox/bench-storage.db npx prisma migrate deploy
 *   DATABASE_URL=file:$PWD/.runbox/bench-storage.db npx tsx --conditions=react-server bench/storage.ts
 *
 * BENCH_FLOOD_KIND picks the flood's output (default random); set RUNBOX_API_RUNS_MAX_MB low to see
 * the cap hold the growth, or BENCH_SWEEP_CAP_MB to time the sweep deleting down to that size.
 *
 * A maximal request: 1 MiB of source, 1 MiB of stdin, args and env at their caps, outputKb 1024 and a
 * program that fills both streams. Three outputs: repeated ASCII, control characters (6 bytes each
 * once escaped in JSON) and random base64 (what compression cannot shrink).
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { appEngine } from "../lib/app-engine";
import { db } from "../lib/db/client";
import { databaseUrl } from "../lib/db/database-url";
import { storagePolicy, storageSettled, sweepStorage } from "../lib/db/retention";
import { runAndRecord } from "../lib/runs/run-and-record";
import { INPUT_CAPS } from "../lib/sandbox/limits";

const RATE_PER_MINUTE = Number(process.env.RUNBOX_RATE_LIMIT_PER_MINUTE ?? 120);
const FLOOD_RUNS = Number(process.env.BENCH_FLOOD_RUNS ?? 12);
const FLOOD_KIND = (process.env.BENCH_FLOOD_KIND ?? "random") as keyof typeof PROGRAMS;
const MiB = 1024 * 1024;

/** What each write of 64 KiB is (a fresh random one each time for "random"). */
const PROGRAMS = {
  ascii: "b'z' * 65536",
  control: "b'\\x01' * 65536",
  random: "base64.b64encode(os.urandom(49152))",
};

function maximalRequest(kind: keyof typeof PROGRAMS) {
  const chunk = PROGRAMS[kind];
  const program = `import os, base64\nfor i in range(17):\n    os.write(1, ${chunk})\n    os.write(2, ${chunk})\n`;
  // Pad the source with a comment up to the cap (random base64 for the incompressible case).
  const padLength = INPUT_CAPS.sourceBytes - program.length - 2;
  const pad = kind === "random" ? randomBytes(padLength).toString("base64").slice(0, padLength) : "x".repeat(padLength);
  const stdin =
    kind === "random" ? randomBytes(INPUT_CAPS.stdinBytes).toString("base64") : "y".repeat(INPUT_CAPS.stdinBytes);
  return {
    language: "python",
    files: [{ name: "main.py", content: `${program}#${pad}\n` }],
    stdin: stdin.slice(0, INPUT_CAPS.stdinBytes),
    args: Array.from({ length: INPUT_CAPS.args }, (_, i) =>
      `${i}`.padEnd(INPUT_CAPS.argsTotalBytes / INPUT_CAPS.args - 8, "a"),
    ),
    env: Object.fromEntries(
      Array.from({ length: 32 }, (_, i) => [`V${i}`, "e".repeat(INPUT_CAPS.envTotalBytes / 32 - 8)]),
    ),
    limits: { outputKb: 1024 },
  };
}

async function rowBytes(id: string): Promise<number> {
  const client = await db();
  const cols = (await client.$queryRawUnsafe<{ name: string }[]>(`PRAGMA table_info("Run")`)).map((c) => c.name);
  const sum = cols.map((c) => `coalesce(length(CAST("${c}" AS BLOB)), 0)`).join(" + ");
  const [row] = await client.$queryRawUnsafe<{ n: number | bigint }[]>(
    `SELECT ${sum} AS n FROM "Run" WHERE id = ?`,
    id,
  );
  return Number(row?.n ?? 0);
}

async function fileBytes(): Promise<number> {
  const file = databaseUrl().replace(/^file:/, "");
  const size = (p: string) => (fs.existsSync(p) ? fs.statSync(p).size : 0);
  return size(file) + size(`${file}-wal`);
}

const mb = (n: number) => `${(n / MiB).toFixed(2)} MiB`;

async function main() {
  const engine = appEngine();
  console.log(`| output  | status | stored row | run time |`);
  console.log(`| ------- | ------ | ---------- | -------- |`);
  let largest = 0;
  for (const kind of Object.keys(PROGRAMS) as (keyof typeof PROGRAMS)[]) {
    const started = Date.now();
    const { id, result } = await runAndRecord(engine, engine.parse(maximalRequest(kind)), { source: "api" });
    const bytes = await rowBytes(id);
    largest = Math.max(largest, bytes);
    console.log(`| ${kind.padEnd(7)} | ${result.status} | ${mb(bytes)} | ${Date.now() - started} ms |`);
  }
  // A flood: FLOOD_RUNS maximal runs, two at a time (the engine's slots on this machine).
  const before = await fileBytes();
  const started = Date.now();
  let next = 0;
  const worker = async () => {
    while (next < FLOOD_RUNS) {
      next++;
      await runAndRecord(engine, engine.parse(maximalRequest(FLOOD_KIND)), { source: "api" });
    }
  };
  await Promise.all([worker(), worker()]);
  await storageSettled();
  const seconds = (Date.now() - started) / 1000;
  const grown = (await fileBytes()) - before;
  const perRun = grown / FLOOD_RUNS;
  const runsPerMinute = Math.min(RATE_PER_MINUTE, (FLOOD_RUNS / seconds) * 60);
  console.log(
    `\nflood: ${FLOOD_RUNS} maximal "${FLOOD_KIND}" runs in ${seconds.toFixed(1)} s (${((FLOOD_RUNS / seconds) * 60).toFixed(0)}/min possible), ` +
      `database + WAL grew ${mb(grown)} (${mb(perRun)} per run)`,
  );
  console.log(
    `one client at ${runsPerMinute.toFixed(0)} runs/min (rate limit ${RATE_PER_MINUTE}/min): ${mb(perRun * runsPerMinute)} per minute; ` +
      `largest row ${mb(largest)} → ${mb(largest * RATE_PER_MINUTE)} per minute at the rate limit`,
  );
  const client = await db();
  const api = await client.run.aggregate({ where: { apiRun: true }, _sum: { sizeBytes: true }, _count: true });
  console.log(
    `API runs stored: ${api._count} rows, ${mb(api._sum.sizeBytes ?? 0)} (cap RUNBOX_API_RUNS_MAX_MB=${process.env.RUNBOX_API_RUNS_MAX_MB ?? 512})`,
  );
  // The periodic sweep on what the flood left: how long it takes, and what it gives back
  // (BENCH_SWEEP_CAP_MB: sweep with that API cap instead, to measure a large delete).
  const sweepCap = process.env.BENCH_SWEEP_CAP_MB;
  const policy = { ...storagePolicy(), ...(sweepCap ? { apiMaxBytes: Number(sweepCap) * MiB } : {}) };
  const sweepStarted = performance.now();
  const report = await sweepStorage(policy);
  console.log(
    `sweep: ${(performance.now() - sweepStarted).toFixed(0)} ms, deleted ${report.apiRuns} API runs, ` +
      `gave back ${mb(report.reclaimedBytes)}; database + WAL now ${mb(await fileBytes())}`,
  );
  process.exit(0);
}

void main();
