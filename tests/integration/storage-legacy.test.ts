import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { nanoid } from "nanoid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getRun, listRuns } from "@/lib/db/runs";
import { getShare } from "@/lib/db/shares";
import { listSubmissions } from "@/lib/db/submissions";

// Rows written by the code before migration 0005 (JSON columns, every stage's output twice) must
// survive the migration untouched and read back exactly as that code read them.

const MIGRATIONS = path.resolve(__dirname, "../../prisma/migrations");
const migration = (name: string) => fs.readFileSync(path.join(MIGRATIONS, name, "migration.sql"), "utf8");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "runbox-legacy-"));
const file = path.join(dir, "legacy.db");

const owner = nanoid();
const stage = (stdout: string, stderr: string, output: string) => ({
  stdout,
  stderr,
  output,
  exitCode: 1,
  signal: null,
  timedOut: false,
  outOfMemory: false,
  outputTruncated: false,
  wallTimeMs: 21,
  cpuTimeMs: 7,
  memoryBytes: 8_388_608,
});
const run = {
  id: nanoid(),
  ownerId: owner,
  source: "ui",
  language: "python",
  version: "3.11.2",
  files: [{ name: "main.py", content: "print('Legacy wörld 🎉')\nraise SystemExit(1)\n", encoding: "utf8" }],
  stdin: "in ⚠\n",
  args: ["-x", "ünï"],
  env: { GREETING: "hé" },
  limits: { timeoutMs: 5000, memoryMb: 256, outputKb: 64 },
  network: false,
  status: "runtime_error",
  compile: null,
  run: stage("Legacy wörld 🎉\n", "boom 💥\n", "Legacy wörld 🎉\nboom 💥\n"),
  message: null,
  debug: { category: "exit_code", stage: "run", message: "Exited with 1", locations: [], frames: [] },
  wallTimeMs: 130,
  createdAt: new Date("2025-03-01T10:00:00.000Z"),
  finishedAt: new Date("2025-03-01T10:00:00.130Z"),
};
const apiRunId = nanoid();
const submission = {
  id: nanoid(),
  exerciseSlug: "hello",
  ownerId: owner,
  mode: "submit",
  language: "c",
  files: [{ name: "main.c", content: "int main(){}" }],
  verdict: "CE",
  score: 0,
  maxScore: 3,
  compile: stage("", "main.c:1: error ⚠\n", "main.c:1: error ⚠\n"),
  tests: [{ index: 0, hidden: true, verdict: "CE", points: 3, timeMs: null, memoryBytes: null }],
  timeMs: 80,
  createdAt: new Date("2025-03-01T10:01:00.000Z"),
};
const slug = nanoid(22);
const snapshot = {
  v: 1,
  language: run.language,
  version: run.version,
  files: run.files,
  stdin: run.stdin,
  args: run.args,
  status: run.status,
  limits: run.limits,
  compile: null,
  run: run.run,
  createdAt: run.createdAt.toISOString(),
};

// Prisma's SQLite adapter stores dates as ISO text with an explicit offset.
const iso = (d: Date) => d.toISOString().replace("Z", "+00:00");

/** A database at migration 0004 holding rows exactly as the old lib/db wrote them. */
function legacyDatabase() {
  const legacy = new Database(file);
  for (const name of ["0001_init", "0002_shares", "0003_exercises", "0004_run_debug"]) legacy.exec(migration(name));
  const j = JSON.stringify;
  const insertRun = legacy.prepare(
    `INSERT INTO "Run" (id, ownerId, source, language, version, files, stdin, args, env, limits, network, status,
       compile, run, message, debug, wallTimeMs, createdAt, finishedAt) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  insertRun.run(
    run.id,
    run.ownerId,
    run.source,
    run.language,
    run.version,
    j(run.files),
    run.stdin,
    j(run.args),
    j(run.env),
    j(run.limits),
    0,
    run.status,
    null,
    j(run.run),
    null,
    j(run.debug),
    run.wallTimeMs,
    iso(run.createdAt),
    iso(run.finishedAt),
  );
  insertRun.run(
    apiRunId,
    null,
    "piston",
    "python",
    "3",
    j(run.files),
    "",
    "[]",
    "{}",
    j(run.limits),
    0,
    "ok",
    null,
    j(run.run),
    null,
    null,
    10,
    iso(run.createdAt),
    iso(run.finishedAt),
  );
  legacy
    .prepare(
      `INSERT INTO "Submission" (id, exerciseSlug, ownerId, mode, language, files, verdict, score, maxScore, compile,
         tests, timeMs, createdAt) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    )
    .run(
      submission.id,
      submission.exerciseSlug,
      submission.ownerId,
      submission.mode,
      submission.language,
      j(submission.files),
      submission.verdict,
      submission.score,
      submission.maxScore,
      j(submission.compile),
      j(submission.tests),
      submission.timeMs,
      iso(submission.createdAt),
    );
  legacy
    .prepare(`INSERT INTO "Share" (slug, runId, ownerId, snapshot, createdAt) VALUES (?,?,?,?,?)`)
    .run(slug, run.id, owner, j(snapshot), iso(run.createdAt));
  return legacy;
}

const LEGACY_RUN_COLUMNS = `id, ownerId, source, language, version, files, stdin, args, env, limits, network, status,
  compile, run, message, debug, wallTimeMs, createdAt, finishedAt`;

let before: unknown[];
let after: Database.Database;

beforeAll(() => {
  const legacy = legacyDatabase();
  before = legacy.prepare(`SELECT ${LEGACY_RUN_COLUMNS} FROM "Run" ORDER BY id`).all();
  legacy.exec(migration("0005_compact_storage"));
  after = legacy;
});

afterAll(async () => {
  after.close();
  const client = await db();
  await client.run.deleteMany({ where: { id: { in: [run.id, apiRunId] } } });
  await client.submission.deleteMany({ where: { id: submission.id } });
  await client.share.deleteMany({ where: { slug } });
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("rows from before migration 0005", () => {
  it("keep every column byte for byte, and gain their size and retention class", () => {
    expect(after.prepare(`SELECT ${LEGACY_RUN_COLUMNS} FROM "Run" ORDER BY id`).all()).toEqual(before);
    const sized = after.prepare(`SELECT id, apiRun, sizeBytes, length(run) AS runLength FROM "Run"`).all() as {
      id: string;
      apiRun: number;
      sizeBytes: number;
      runLength: number;
    }[];
    const ui = sized.find((r) => r.id === run.id);
    expect(ui?.apiRun).toBe(0);
    expect(sized.find((r) => r.id === apiRunId)?.apiRun).toBe(1);
    expect(ui?.sizeBytes).toBeGreaterThan(256 + (ui?.runLength ?? 0));
    expect(after.pragma("auto_vacuum", { simple: true })).toBe(2);
  });

  it("read back through lib/db exactly as before, and are still found by search", async () => {
    const client = await db();
    await client.$executeRawUnsafe(`ATTACH DATABASE '${file}' AS legacy`);
    try {
      // The legacy tables' own columns: later migrations added more (with defaults).
      for (const table of ["Run", "Submission", "Share"]) {
        const columns = (await client.$queryRawUnsafe<{ name: string }[]>(`PRAGMA legacy.table_info("${table}")`))
          .map((c) => `"${c.name}"`)
          .join(", ");
        await client.$executeRawUnsafe(
          `INSERT INTO main."${table}" (${columns}) SELECT ${columns} FROM legacy."${table}"`,
        );
      }
    } finally {
      await client.$executeRawUnsafe("DETACH DATABASE legacy");
    }
    const { id, ...rest } = run;
    // Rows from before interactive runs read as batch runs (no terminal).
    expect(await getRun(id)).toEqual({ id, ...rest, terminal: null });
    const found = await listRuns({ ownerId: owner, q: "LEGACY" });
    expect(found.runs.map((r) => r.id)).toEqual([run.id]);
    expect((await listRuns({ ownerId: owner, q: "boom" })).runs.map((r) => r.id)).toEqual([run.id]);
    const [sub] = await listSubmissions("hello", owner);
    expect(sub).toEqual(submission);
    const share = await getShare(slug);
    expect(share?.snapshot).toEqual(snapshot);
  });
});
