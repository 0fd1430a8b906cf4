import { nanoid } from "nanoid";
import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/client";
import { databaseProvider } from "@/lib/db/database-url";
import { deleteExercise, getExercise, upsertExercise } from "@/lib/db/exercises";
import { createRun, deleteRun, finishRun, getRun, listRuns, markInterruptedRuns } from "@/lib/db/runs";
import { revokeShare, sharesOfRun } from "@/lib/db/shares";
import { listSubmissions } from "@/lib/db/submissions";
import type { StageResult } from "@/lib/sandbox/types";
import { provider, rawQuery } from "../support/database";
import { doubler } from "./exercise-fixtures";

// lib/db on the database of this file's project: SQLite (integration) or PostgreSQL
// (integration-postgres). What differs between the two is checked here; storage.test.ts,
// api.test.ts and the others run unchanged on both.

const stage = (output: string): StageResult => ({
  stdout: output,
  stderr: "",
  output,
  exitCode: 0,
  signal: null,
  timedOut: false,
  outOfMemory: false,
  outputTruncated: false,
  wallTimeMs: 3,
  cpuTimeMs: 1,
  memoryBytes: 1024,
});

async function storeRun(ownerId: string, code: string, output = "") {
  const id = nanoid();
  await createRun({
    id,
    ownerId,
    source: "ui",
    language: "python",
    version: "3",
    files: [{ name: "main.py", content: code }],
    stdin: "",
    args: [],
    env: {},
    limits: { timeoutMs: 1000, memoryMb: 64 },
    network: false,
  });
  await finishRun(id, { status: "ok", run: stage(output), wallTimeMs: 3 });
  return id;
}

const found = async (ownerId: string, q: string) => (await listRuns({ ownerId, q })).runs.map((r) => r.id).sort();

describe("the database", () => {
  it("is the one the project names, reached through its own driver", async () => {
    const expected = inject("databaseUrl") ? "postgresql" : "sqlite";
    expect(databaseProvider()).toBe(expected);
    expect(provider()).toBe(expected);
    if (expected === "postgresql") {
      const [server] = await rawQuery<{ version: string }>("SELECT version() AS version");
      expect(server?.version).toMatch(/^PostgreSQL \d+/);
      // This process's pool is connected, under the name lib/db gives it.
      const [mine] = await rawQuery<{ n: unknown }>(
        "SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'runbox' AND pid = pg_backend_pid()",
      );
      expect(Number(mine?.n)).toBe(1);
    } else {
      const [engine] = await rawQuery<{ version: string }>("SELECT sqlite_version() AS version");
      expect(engine?.version).toMatch(/^3\./);
    }
  });

  it("keeps a blob byte for byte: every byte value, and brotli data as written", async () => {
    const client = await db();
    const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7) % 256);
    const id = nanoid();
    await client.run.create({
      data: { id, language: "python", version: "3", files: "[]", limits: "{}", status: "ok", input: bytes },
    });
    const row = await client.run.findUniqueOrThrow({ where: { id }, select: { input: true } });
    expect(Buffer.from(row.input ?? []).equals(Buffer.from(bytes))).toBe(true);
    const length = provider() === "postgresql" ? "octet_length" : "length";
    const [raw] = await rawQuery<{ n: unknown }>(`SELECT ${length}("input") AS n FROM "Run" WHERE "id" = ?`, id);
    expect(Number(raw?.n)).toBe(4096);
    await client.run.delete({ where: { id } });
  });

  it("searches case-insensitively in every script, taking %, _ and \\ literally", async () => {
    const owner = nanoid();
    const cyrillic = await storeRun(owner, "print('ОШИБКА в строке')");
    const greek = await storeRun(owner, "# ΑΒΓΔ straße", "ÄÖÜ Größe 🎉\n");
    const percent = await storeRun(owner, "print('100% done_now')");
    const digits = await storeRun(owner, "print('1000 donexnow')");
    const backslash = await storeRun(owner, 'print("a\\tb C:\\Temp")');
    expect(await found(owner, "ошибка")).toEqual([cyrillic]);
    expect(await found(owner, "αβγδ")).toEqual([greek]);
    expect(await found(owner, "STRAßE")).toEqual([greek]);
    expect(await found(owner, "äöü größe 🎉")).toEqual([greek]);
    expect(await found(owner, "100%")).toEqual([percent]);
    expect(await found(owner, "e_n")).toEqual([percent]);
    expect(await found(owner, "1000")).toEqual([digits]);
    expect(await found(owner, "%")).toEqual([percent]);
    // LIKE would read \ as an escape on PostgreSQL (and find "atb" instead).
    expect(await found(owner, "a\\tb c:\\temp")).toEqual([backslash]);
    expect(await found(owner, "\\")).toEqual([backslash]);
  });

  it("marks runs left running by an earlier process as interrupted, and only those", async () => {
    const client = await db();
    const owner = nanoid();
    const [old, current] = [nanoid(), nanoid()];
    const startedAt = new Date(Date.now() - 60_000);
    for (const id of [old, current])
      await createRun({
        id,
        ownerId: owner,
        source: "ui",
        language: "python",
        version: "3",
        files: [{ name: "main.py", content: "input()" }],
        stdin: "",
        args: [],
        env: {},
        limits: {},
        network: false,
      });
    await client.run.update({ where: { id: old }, data: { createdAt: new Date(startedAt.getTime() - 60_000) } });
    expect(await markInterruptedRuns(startedAt)).toBeGreaterThanOrEqual(1);
    expect(await getRun(old)).toMatchObject({
      status: "interrupted",
      message: expect.stringMatching(/server stopped/),
    });
    expect((await getRun(current))?.status).toBe("running");
    await finishRun(current, { status: "ok", message: "a NUL \0 in a message is stored as U+FFFD" });
    expect((await getRun(current))?.message).toBe("a NUL \uFFFD in a message is stored as U+FFFD");
  });

  it("marks another instance's runs only once its heartbeat has stopped, never a live one's", async () => {
    const client = await db();
    const me = `me-${nanoid(6)}`;
    const live = `live-${nanoid(6)}`;
    const gone = `gone-${nanoid(6)}`;
    const startedAt = new Date();
    await client.instance.createMany({
      data: [
        { id: live, startedAt, heartbeatAt: new Date() },
        { id: gone, startedAt, heartbeatAt: new Date(Date.now() - 60_000) },
      ],
    });
    const ids: Record<string, string> = {};
    for (const instanceId of [me, live, gone]) {
      ids[instanceId] = nanoid();
      await createRun({
        id: ids[instanceId] as string,
        instanceId,
        ownerId: null,
        source: "api",
        language: "python",
        version: "3",
        files: [{ name: "main.py", content: "input()" }],
        stdin: "",
        args: [],
        env: {},
        limits: {},
        network: false,
      });
    }
    await client.run.update({ where: { id: ids[me] }, data: { createdAt: new Date(Date.now() - 60_000) } });
    const { goneInstances, instanceGone } = await import("@/lib/db/instances");
    expect(await instanceGone(gone)).toBe(true);
    expect(await instanceGone(live)).toBe(false);
    expect(await instanceGone("never-heard-of")).toBe(false);
    await markInterruptedRuns(new Date(Date.now() - 30_000), { instanceId: me, goneInstances: await goneInstances() });
    expect((await getRun(ids[me] as string))?.status).toBe("interrupted");
    expect((await getRun(ids[gone] as string))?.status).toBe("interrupted");
    expect((await getRun(ids[live] as string))?.status).toBe("running");
  });

  it("answers 'not found' for keys no row can have (a NUL, which PostgreSQL refuses), never an error", async () => {
    const owner = nanoid();
    const id = await storeRun(owner, "print(1)");
    for (const key of [`${id}\0`, "\0", "x".repeat(65)]) {
      expect(await getRun(key)).toBeNull();
      expect(await deleteRun(key, owner)).toBe(false);
      expect(await sharesOfRun(key, owner)).toEqual([]);
      expect(await revokeShare(key, owner)).toBe(false);
      expect(await getExercise(key)).toBeNull();
      expect(await deleteExercise(key)).toBe(false);
      expect(await listSubmissions(key, owner)).toEqual([]);
      expect((await listRuns({ ownerId: owner, language: key })).runs).toEqual([]);
      expect((await listRuns({ ownerId: owner, status: key })).runs).toEqual([]);
    }
    expect((await listRuns({ ownerId: owner, q: "print\0" })).total).toBe(0);
    expect((await getRun(id))?.id).toBe(id);
  });

  it("keeps the JSON it stores as text queryable with the database's JSON functions", async () => {
    await upsertExercise({ ...doubler, slug: "test-json", tags: ["json-tag", "ünï"] }, "api");
    const sql =
      provider() === "postgresql"
        ? `SELECT "slug", ("limits"::jsonb ->> 'timeoutMs')::int AS timeout FROM "Exercise"
             WHERE "tags"::jsonb @> '["json-tag"]'::jsonb`
        : `SELECT "slug", json_extract("limits", '$.timeoutMs') AS timeout FROM "Exercise"
             WHERE EXISTS (SELECT 1 FROM json_each("tags") WHERE value = 'json-tag')`;
    const rows = await rawQuery<{ slug: string; timeout: unknown }>(sql);
    expect(rows.map((r) => [r.slug, Number(r.timeout)])).toEqual([["test-json", 1000]]);
    await deleteExercise("test-json");
  });
});
