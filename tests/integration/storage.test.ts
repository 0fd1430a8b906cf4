import { randomBytes } from "node:crypto";
import { nanoid } from "nanoid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as getRunRoute } from "@/app/api/v1/runs/[id]/route";
import { POST as createRunRoute } from "@/app/api/v1/runs/route";
import { db } from "@/lib/db/client";
import { reclaimSpace } from "@/lib/db/maintenance";
import { storageSettled, sweepStorage } from "@/lib/db/retention";
import { createRun, finishRun, getRun, listRuns } from "@/lib/db/runs";
import { createShare, getShare } from "@/lib/db/shares";
import { listSubmissions, saveSubmission } from "@/lib/db/submissions";
import type { Judgement } from "@/lib/judge/judge";
import type { StageResult } from "@/lib/sandbox/types";
import { databaseBytes, provider, rawQuery, storedRowBytes } from "../support/database";

// Small retention limits for this file only (env() is read lazily and cached per test file).
const SETTINGS = {
  RUNBOX_API_RUNS_MAX_MB: "8",
  RUNBOX_API_RUN_RETENTION_DAYS: "7",
  RUNBOX_OWNER_MAX_RUNS: "3",
  RUNBOX_OWNER_MAX_MB: "1",
  RUNBOX_OWNER_MAX_SUBMISSIONS: "3",
};
const saved: Record<string, string | undefined> = {};
beforeAll(() => {
  for (const [k, v] of Object.entries(SETTINGS)) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
});
afterAll(async () => {
  await storageSettled();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

const MiB = 1024 * 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const post = (body: unknown) =>
  new Request("http://127.0.0.1/api/v1/runs", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

/** Bytes the row really holds: every column's length, whatever the schema. */
const rowBytes = (table: "Run" | "Submission", id: string) => storedRowBytes(table, `"id" = ?`, id);

/** A maximal API request: 1 MiB of source and of stdin, outputKb 1024, both streams filled. */
function maximalRequest(chunk: string) {
  const program = `import os, base64\nfor i in range(17):\n    os.write(1, ${chunk})\n    os.write(2, ${chunk})\n`;
  const pad = MiB - program.length - 2;
  return {
    language: "python",
    files: [{ name: "main.py", content: `${program}#${randomBytes(pad).toString("base64").slice(0, pad)}\n` }],
    stdin: randomBytes(MiB).toString("base64").slice(0, MiB),
    limits: { outputKb: 1024 },
  };
}
const RANDOM_OUTPUT = "base64.b64encode(os.urandom(49152))";

function stage(stdout: string, stderr = ""): StageResult {
  return {
    stdout,
    stderr,
    output: stdout + stderr,
    exitCode: 0,
    signal: null,
    timedOut: false,
    outOfMemory: false,
    outputTruncated: false,
    wallTimeMs: 5,
    cpuTimeMs: 1,
    memoryBytes: 1024,
  };
}

async function storeRun(opts: {
  ownerId?: string;
  source?: "ui" | "api";
  code?: string;
  stdin?: string;
  finish?: boolean;
  output?: string;
}) {
  const id = nanoid();
  await createRun({
    id,
    ownerId: opts.ownerId ?? null,
    source: opts.source ?? "ui",
    language: "python",
    version: "3",
    files: [{ name: "main.py", content: opts.code ?? "print(1)" }],
    stdin: opts.stdin ?? "",
    args: [],
    env: {},
    limits: { timeoutMs: 1000 },
    network: false,
  });
  if (opts.finish !== false) await finishRun(id, { status: "ok", run: stage(opts.output ?? "1\n"), wallTimeMs: 5 });
  await sleep(3); // distinct createdAt, so "oldest" is unambiguous
  return id;
}

describe("storage: compact rows", () => {
  it("stores a maximal run far smaller than the 6–26 MiB rows it used to be", async () => {
    for (const chunk of ["b'z' * 65536", "b'\\x01' * 65536"]) {
      const res = await createRunRoute(post(maximalRequest(chunk)));
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.status).toBe("output_limit");
      expect(body.run.stdout.length).toBe(MiB);
      // Before: 6.08 MiB ('z') and 26.08 MiB (\x01, six bytes each once JSON-escaped) for these rows.
      // Now: the source and stdin are random base64 (~1.5 MiB compressed), the output a few KiB.
      const bytes = await rowBytes("Run", body.id);
      expect(bytes).toBeLessThan(1.7 * MiB);
      const client = await db();
      const row = await client.run.findUniqueOrThrow({ where: { id: body.id }, select: { sizeBytes: true } });
      expect(Math.abs(row.sizeBytes - bytes)).toBeLessThan(1024);
    }
  });

  it("reads back stdout, stderr and their interleaving exactly (multi-byte UTF-8, compressed)", async () => {
    const program = [
      "import os, sys",
      "for i in range(300):",
      "    sys.stdout.write(f'out {i} héllo wörld 🎉 ✓\\n'); sys.stdout.flush()",
      "    sys.stderr.write(f'err {i} ⚠ ошибка 💥\\n'); sys.stderr.flush()",
      "e = 'é€🎉'.encode()",
      "for k in range(len(e)):",
      "    os.write(1 + k % 2, e[k:k+1])",
      "os.write(2, b'bad \\xff\\xfe end')",
    ].join("\n");
    const res = await createRunRoute(post({ language: "python", files: [{ content: program }] }));
    const posted = await res.json();
    expect(posted.run.output.length).toBeGreaterThan(8 * 1024);
    expect(posted.run.output).toContain("🎉");
    const fetched = await (
      await getRunRoute(new Request("http://x"), { params: Promise.resolve({ id: posted.id }) })
    ).json();
    expect(fetched.run).toEqual(posted.run);
    expect(Object.keys(fetched.run)).toEqual(Object.keys(posted.run));
    expect((await getRun(posted.id))?.run).toEqual(posted.run);
    // …and it was stored compressed, the output once (the old JSON column is empty).
    const client = await db();
    const row = await client.run.findUniqueOrThrow({ where: { id: posted.id }, select: { result: true, run: true } });
    expect(row.run).toBeNull();
    expect(row.result?.[0]).toBe(2); // brotli
  });
});

describe("storage: retention", () => {
  it("keeps a flood of maximal API runs under the cap, deleting the oldest first", async () => {
    const client = await db();
    const flood: { id: string; createdAt: Date }[] = [];
    const worker = async () => {
      for (let i = 0; i < 3; i++) {
        const res = await createRunRoute(post(maximalRequest(RANDOM_OUTPUT)));
        expect(res.status).toBe(200);
        const body = await res.json();
        flood.push({ id: body.id, createdAt: new Date(body.createdAt) });
      }
    };
    await Promise.all([worker(), worker()]);
    await storageSettled();
    // Six rows of ~3 MiB each (random data does not compress) against a cap of 8 MiB: what the
    // API runs really occupy, every column counted.
    const api = await storedRowBytes("Run", `"source" <> 'ui' OR "ownerId" IS NULL`);
    expect(api).toBeLessThanOrEqual(8 * MiB);
    const left = await client.run.findMany({
      where: { OR: [{ source: { not: "ui" } }, { ownerId: null }], status: { not: "running" } },
      select: { id: true, createdAt: true },
    });
    const kept = new Set(left.map((r) => r.id));
    const deleted = flood.filter((r) => !kept.has(r.id));
    expect(deleted.length).toBeGreaterThanOrEqual(3);
    expect(left.length).toBeGreaterThanOrEqual(1);
    // Oldest first: every API run left is newer than every flood run deleted.
    const newestDeleted = Math.max(...deleted.map((r) => r.createdAt.getTime()));
    for (const r of left) expect(r.createdAt.getTime()).toBeGreaterThan(newestDeleted);
  });
});

describe("storage: owner quotas and the sweep", () => {
  it("an owner over quota loses their oldest runs only (never one still running, never another's)", async () => {
    const [owner, other] = [nanoid(), nanoid()];
    const running = await storeRun({ ownerId: owner, finish: false });
    const mine: string[] = [];
    for (let i = 0; i < 5; i++) mine.push(await storeRun({ ownerId: owner }));
    const theirs = [await storeRun({ ownerId: other }), await storeRun({ ownerId: other })];
    await storageSettled();
    const client = await db();
    const left = await client.run.findMany({ where: { ownerId: owner }, orderBy: { createdAt: "asc" } });
    // Quota 3: the running one stays, so the two newest finished runs are kept with it.
    expect(left.map((r) => r.id)).toEqual([running, ...mine.slice(-2)]);
    expect(await client.run.count({ where: { id: { in: theirs } } })).toBe(2);
    await finishRun(running, { status: "interrupted" });
  });

  it("an owner over the size quota loses their oldest runs until the rest fits", async () => {
    const owner = nanoid();
    const ids: string[] = [];
    // ~400 KB each stored (random base64 compresses only to 3/4), so three pass the 1 MiB quota.
    for (let i = 0; i < 3; i++)
      ids.push(await storeRun({ ownerId: owner, stdin: randomBytes(400_000).toString("base64") }));
    await storageSettled();
    const client = await db();
    const left = await client.run.findMany({ where: { ownerId: owner }, select: { id: true } });
    expect(left.map((r) => r.id).sort()).toEqual(ids.slice(-2).sort());
    const sizes = await client.run.aggregate({ where: { ownerId: owner }, _sum: { sizeBytes: true } });
    expect(sizes._sum.sizeBytes ?? 0).toBeLessThanOrEqual(MiB);
  });

  it("deletes API runs past the age limit in the periodic sweep, but never a running one", async () => {
    const client = await db();
    const [old, oldRunning, fresh] = [
      await storeRun({ source: "api" }),
      await storeRun({ source: "api", finish: false }),
      await storeRun({ source: "api" }),
    ];
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    await client.run.updateMany({ where: { id: { in: [old, oldRunning] } }, data: { createdAt: eightDaysAgo } });
    const report = await sweepStorage();
    expect(report.apiRuns).toBeGreaterThanOrEqual(1);
    const left = await client.run.findMany({ where: { id: { in: [old, oldRunning, fresh] } }, select: { id: true } });
    expect(left.map((r) => r.id).sort()).toEqual([oldRunning, fresh].sort());
    await finishRun(oldRunning, { status: "interrupted" });
  });

  it("finds owners over quota in the periodic sweep (rows written without the per-insert check)", async () => {
    const client = await db();
    const owner = nanoid();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const id = nanoid();
      ids.push(id);
      const common = { id, ownerId: owner, language: "python", files: "[]", sizeBytes: 300 };
      await client.run.create({ data: { ...common, source: "ui", version: "3", limits: "{}", status: "ok" } });
      await client.submission.create({
        data: { ...common, exerciseSlug: "hello", verdict: "WA", score: 0, maxScore: 1, tests: "[]" },
      });
      await sleep(3);
    }
    const report = await sweepStorage();
    expect(report.ownerRuns).toBeGreaterThanOrEqual(2);
    expect(report.submissions).toBeGreaterThanOrEqual(2);
    const runsLeft = await client.run.findMany({ where: { ownerId: owner }, select: { id: true } });
    expect(runsLeft.map((r) => r.id).sort()).toEqual(ids.slice(-3).sort());
    const subsLeft = await client.submission.findMany({ where: { ownerId: owner }, select: { id: true } });
    expect(subsLeft.map((r) => r.id).sort()).toEqual(ids.slice(-3).sort());
  });

  it("keeps a share readable after its run is deleted (shares are snapshots)", async () => {
    const owner = nanoid();
    const first = await storeRun({ ownerId: owner, output: "shared output ✓\n".repeat(1000) });
    const record = await getRun(first);
    if (!record) throw new Error("run missing");
    const slug = await createShare(record, owner);
    const before = await getShare(slug);
    for (let i = 0; i < 4; i++) await storeRun({ ownerId: owner });
    await storageSettled();
    expect(await getRun(first)).toBeNull();
    const after = await getShare(slug);
    expect(after).toEqual(before);
    expect(after?.snapshot.run).toEqual(record.run);
    expect(after?.snapshot.files).toEqual(record.files);
  });

  it("trims an owner's submissions oldest first, but keeps the newest accepted one per exercise", async () => {
    const owner = nanoid();
    const judgement = (verdict: "AC" | "WA"): Judgement => ({
      verdict,
      score: verdict === "AC" ? 1 : 0,
      maxScore: 1,
      compile: stage("", "warning: ünused ⚠\n"),
      tests: [
        {
          index: 0,
          hidden: false,
          verdict,
          points: 1,
          timeMs: 3,
          memoryBytes: 1,
          stdin: "1",
          expected: "2",
          actual: "2",
        },
      ],
      maxTimeMs: 100,
      maxMemoryBytes: 4194304,
      timeMs: 10,
    });
    const save = async (verdict: "AC" | "WA") => {
      const id = nanoid();
      const files = [{ name: "main.py", content: `print(2)  # ${id}` }];
      await saveSubmission({
        id,
        exerciseSlug: "hello",
        ownerId: owner,
        mode: "submit",
        language: "python",
        files,
        judgement: judgement(verdict),
      });
      await sleep(3);
      return id;
    };
    const accepted = await save("AC");
    const later = [await save("WA"), await save("WA"), await save("WA"), await save("WA")];
    await storageSettled();
    const left = await listSubmissions("hello", owner);
    expect(left.map((s) => s.id).sort()).toEqual([accepted, ...later.slice(-2)].sort());
    const newest = left[0];
    expect(newest?.compile).toEqual(judgement("WA").compile);
    expect(newest?.tests).toEqual(judgement("WA").tests);
    expect(newest?.files[0]?.content).toContain(later.at(-1));
  });
});

describe("storage: space", () => {
  const deletedRuns = async () => {
    const ids: string[] = [];
    // ~2 MiB each once stored (random base64 stdin), deleted at once below.
    for (let i = 0; i < 4; i++)
      ids.push(await storeRun({ source: "api", stdin: randomBytes(2 * MiB).toString("base64") }));
    await storageSettled();
    await (await db()).run.deleteMany({ where: { id: { in: ids } } });
  };

  // One test per provider, so neither project reports a skipped one.
  if (provider() === "sqlite")
    it("SQLite: gives the pages of deleted runs back to the file system", async () => {
      await deletedRuns();
      const pages = async (name: string) =>
        Number(Object.values((await rawQuery<object>(`PRAGMA ${name}`))[0] ?? {})[0]);
      const [before, pageSize] = [await pages("page_count"), await pages("page_size")];
      expect((await pages("freelist_count")) * pageSize).toBeGreaterThan(4 * MiB);
      const reclaimed = await reclaimSpace({ minBytes: MiB, minShare: 0 });
      expect(reclaimed).toBeGreaterThan(4 * MiB);
      expect(await pages("freelist_count")).toBe(0);
      expect((before - (await pages("page_count"))) * pageSize).toBe(reclaimed);
    });
  else
    it("PostgreSQL: leaves the space of deleted runs to autovacuum, with nothing to do by hand", async () => {
      await deletedRuns();
      expect(await reclaimSpace({ minBytes: MiB, minShare: 0 })).toBe(0);
    });
});

describe("storage: search and health", () => {
  it("finds text in compressed outputs and code, case-insensitively in every script", async () => {
    const owner = nanoid();
    const output = `${"filler line\n".repeat(400)}The NeedleÄÖ ist HIER\n`;
    const id = await storeRun({ ownerId: owner, code: "print('CodeWörd')", output });
    for (const q of ["needleäö", "NEEDLEÄÖ", "codewörd", "CODEWÖRD"]) {
      const { runs } = await listRuns({ ownerId: owner, q });
      expect(
        runs.map((r) => r.id),
        q,
      ).toEqual([id]);
    }
    expect((await listRuns({ ownerId: owner, q: "not there" })).runs).toEqual([]);
    const client = await db();
    const row = await client.run.findUniqueOrThrow({ where: { id }, select: { result: true } });
    expect(row.result?.[0]).toBe(2); // the output searched was stored compressed
  });

  it("reports the database size on /api/health", async () => {
    const body = await (await health()).json();
    expect(body.database.ok).toBe(true);
    expect(body.database.sizeBytes).toBeGreaterThanOrEqual((await databaseBytes()) * 0.5);
    expect(body.database.sizeBytes).toBeLessThan(10 * 1024 * MiB);
  });
});
