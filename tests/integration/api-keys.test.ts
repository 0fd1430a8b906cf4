/**
 * API keys over the real database (SQLite, and PostgreSQL in integration-postgres) and engine:
 * keys stored hashed, runs and submissions owned by the key's user, refused keys never anonymous,
 * per-key rate and daily quota counted atomically (concurrent runs cannot pass a limit), windows
 * that start over, the key cap per user, admin keys on the admin API, keys on WebSockets and Jobe.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as submit } from "@/app/api/v1/exercises/[slug]/submissions/route";
import { POST as saveExercise } from "@/app/api/v1/exercises/route";
import { GET as getRun } from "@/app/api/v1/runs/[id]/route";
import { POST as createRun } from "@/app/api/v1/runs/route";
import { POST as pistonExecute } from "@/app/api/v2/execute/route";
import { POST as jobeRun } from "@/app/jobe/restapi/runs/route";
import { authenticateApi } from "@/lib/api-keys/authenticate";
import { keyHashOf, newApiKeyToken } from "@/lib/api-keys/token";
import {
  countKeyRun,
  createApiKey,
  listUserKeys,
  MAX_KEYS_PER_USER,
  revokeApiKey,
  setApiKeyLimits,
} from "@/lib/db/api-keys";
import { db } from "@/lib/db/client";
import { deleteExercise, upsertExercise } from "@/lib/db/exercises";
import { listRuns } from "@/lib/db/runs";
import { listSubmissions } from "@/lib/db/submissions";
import { maxRunsPerClient } from "@/lib/env";
import { admitKeyRun } from "@/lib/http/key-admission";
import { startSocketServer } from "../support/socket-server";
import { HttpRefusal, TestSocket } from "../support/ws-client";
import { removeAccounts } from "./account-helpers";
import { accountWithKey, jsonRequest } from "./api-key-helpers";
import { doubler } from "./exercise-fixtures";

const accounts: string[] = [];
const made = async (...args: Parameters<typeof accountWithKey>) => {
  const a = await accountWithKey(...args);
  accounts.push(a.id);
  return a;
};
afterAll(() => removeAccounts(accounts));

const PY = { language: "python", files: [{ content: "print(6*7)" }] };
const run = (headers: Record<string, string> = {}, body: unknown = PY) => createRun(jsonRequest("POST", body, headers));
const runCount = async () => (await db()).run.count();

describe("keys", () => {
  it("are stored as a SHA-256 of the token, never the token", async () => {
    const a = await made("keys-hash");
    const row = await (await db()).apiKey.findUniqueOrThrow({ where: { id: a.keyId } });
    expect(row.tokenHash).toBe(keyHashOf(a.token));
    expect(JSON.stringify(row)).not.toContain(a.token.slice(4));
    expect(a.token).toMatch(/^rbx_[0-9A-Za-z]{43}$/);
    expect(a.token.slice(4, 12)).toBe(row.prefix);
  });

  it("make runs and submissions their user's (history, progress)", async () => {
    const a = await made("keys-owner");
    const res = await run({ authorization: a.authorization });
    expect(res.status).toBe(200);
    const { id } = await res.json();
    expect((await listRuns({ ownerId: a.id })).runs.map((r) => r.id)).toContain(id);
    // Readable with the key and with the user's session; not by anyone else.
    expect((await getRun(jsonRequest("GET", undefined, { authorization: a.authorization }), ctxId(id))).status).toBe(
      200,
    );
    expect((await getRun(jsonRequest("GET", undefined, { cookie: a.cookie }), ctxId(id))).status).toBe(200);
    expect((await getRun(jsonRequest("GET"), ctxId(id))).status).toBe(404);
    const other = await made("keys-other");
    expect(
      (await getRun(jsonRequest("GET", undefined, { authorization: other.authorization }), ctxId(id))).status,
    ).toBe(404);

    const piston = await pistonExecute(
      jsonRequest(
        "POST",
        { language: "python", version: "*", files: [{ content: "print(1)" }] },
        { authorization: a.authorization },
      ),
    );
    expect(piston.status).toBe(200);
    expect((await listRuns({ ownerId: a.id })).total).toBe(2);

    await upsertExercise({ ...doubler, slug: "keys-doubler" }, "api");
    try {
      const sub = await submit(
        jsonRequest(
          "POST",
          { language: "python", files: [{ content: "print(2*int(input()))" }] },
          { authorization: a.authorization },
        ),
        { params: Promise.resolve({ slug: "keys-doubler" }) },
      );
      expect((await sub.json()).verdict).toBe("AC");
      expect((await listSubmissions("keys-doubler", a.id)).map((s) => s.verdict)).toEqual(["AC"]);
    } finally {
      await deleteExercise("keys-doubler");
    }
  });

  it("that are unknown, malformed, revoked or not Bearer get 401 and run nothing", async () => {
    const a = await made("keys-revoked");
    expect(await revokeApiKey(a.keyId, a.id)).toBe(true);
    const before = await runCount();
    const cases: [Record<string, string>, RegExp][] = [
      [{ authorization: a.authorization }, /was revoked/],
      [{ authorization: `Bearer ${newApiKeyToken().token}` }, /not valid/],
      [{ authorization: "Bearer rbx_short" }, /not a Runbox API key/],
      [{ authorization: "Bearer some-other-token-1234567890" }, /not a Runbox API key/],
      [{ authorization: `Basic ${Buffer.from("a:b").toString("base64")}` }, /not understood/],
      [{ authorization: "Bearer" }, /not understood/],
      [{ authorization: `Bearer ${a.token} extra` }, /not understood/],
    ];
    for (const [headers, message] of cases) {
      const res = await run(headers);
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(res.headers.get("WWW-Authenticate")).toMatch(/^Bearer realm="runbox"/);
      const body = await res.json();
      expect(body.error.code).toBe("unauthorized");
      expect(body.error.message).toMatch(message);
      const piston = await pistonExecute(
        jsonRequest("POST", { language: "python", version: "*", files: [{ content: "1" }] }, headers),
      );
      expect(piston.status).toBe(401);
      expect((await piston.json()).message).toMatch(message);
    }
    expect(await runCount()).toBe(before);
    // Revoking twice, or someone else's key, does nothing.
    expect(await revokeApiKey(a.keyId, a.id)).toBe(false);
    const b = await made("keys-not-mine");
    expect(await revokeApiKey(b.keyId, a.id)).toBe(false);
    expect((await run({ authorization: b.authorization })).status).toBe(200);
  });

  it("are capped per user", async () => {
    const a = await made("keys-cap");
    for (let i = 1; i < MAX_KEYS_PER_USER; i++) {
      const { hash, prefix } = newApiKeyToken();
      expect(await createApiKey({ userId: a.id, name: `k${i}`, tokenHash: hash, prefix })).not.toBe("too_many");
    }
    const { hash, prefix } = newApiKeyToken();
    expect(await createApiKey({ userId: a.id, name: "one too many", tokenHash: hash, prefix })).toBe("too_many");
    expect((await listUserKeys(a.id)).length).toBe(MAX_KEYS_PER_USER);
  });
});

const ctxId = (id: string) => ({ params: Promise.resolve({ id }) });

describe("rate and daily quota", () => {
  it("per minute: RateLimit headers count down, then a 429 that names the limit", async () => {
    const a = await made("keys-rate", { perMinute: 2 });
    const first = await run({ authorization: a.authorization });
    expect(first.status).toBe(200);
    expect(first.headers.get("RateLimit-Limit")).toBe("2");
    expect(first.headers.get("RateLimit-Remaining")).toBe("1");
    expect(first.headers.get("RateLimit-Policy")).toMatch(/^2;w=60, \d+;w=86400$/);
    expect((await run({ authorization: a.authorization })).headers.get("RateLimit-Remaining")).toBe("0");
    const before = await runCount();
    const third = await run({ authorization: a.authorization });
    expect(third.status).toBe(429);
    expect(Number(third.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(Number(third.headers.get("Retry-After"))).toBeLessThanOrEqual(60);
    const body = await third.json();
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.message).toMatch(/rate limit of 2 runs per minute/);
    expect(await runCount()).toBe(before);
    // The key is the client: its limit is its own, wherever it calls from.
    expect((await run({ "x-runbox-client-ip": "10.77.0.1" })).status).toBe(200);
  });

  it("per day: a 429 that says the quota is used up and when it starts over", async () => {
    const a = await made("keys-day", { perDay: 1 });
    expect((await run({ authorization: a.authorization })).status).toBe(200);
    const refused = await run({ authorization: a.authorization });
    expect(refused.status).toBe(429);
    const body = await refused.json();
    expect(body.error.code).toBe("quota_exceeded");
    expect(body.error.message).toMatch(/daily quota of 1 runs is used up: it starts over at 00:00 UTC, in/);
    expect(refused.headers.get("RateLimit-Limit")).toBe("1");
    expect(refused.headers.get("RateLimit-Remaining")).toBe("0");
    // An admin raises it: the key works again at once.
    await setApiKeyLimits(a.keyId, { perMinute: null, perDay: 5 });
    expect(
      (
        await pistonExecute(
          jsonRequest(
            "POST",
            { language: "python", version: "*", files: [{ content: "1" }] },
            { authorization: a.authorization },
          ),
        )
      ).status,
    ).toBe(200);
  });

  it("count runs at once per user too: a second key of the same user is no second client", async () => {
    // 64 at once in this suite: more than a key's default 60 a minute, so that limit is lifted here.
    const a = await made("keys-twins", { perMinute: 1000 });
    const second = newApiKeyToken();
    const key2 = await createApiKey({ userId: a.id, name: "twin", tokenHash: second.hash, prefix: second.prefix });
    if (key2 === "too_many") throw new Error("too many keys");
    const caller = async (token: string) => {
      const auth = await authenticateApi(new Headers({ authorization: `Bearer ${token}` }));
      if (!auth.ok || auth.caller.kind !== "key") throw new Error("key refused");
      return auth.caller;
    };
    const first = await caller(a.token);
    const held = [];
    for (let i = 0; i < maxRunsPerClient(); i++) {
      const ok = await admitKeyRun(first);
      if (!ok.ok) throw new Error(ok.refusal.message);
      held.push(ok);
    }
    const twin = await admitKeyRun(await caller(second.token));
    expect(twin.ok ? "admitted" : twin.refusal.code).toBe("too_many_runs");
    for (const h of held) await h.release();
    const after = await admitKeyRun(await caller(second.token));
    expect(after.ok).toBe(true);
    if (after.ok) await after.release();
  });

  it("concurrent runs never pass a limit (one conditional update per run)", async () => {
    const a = await made("keys-race");
    const results = await Promise.all(
      Array.from({ length: 30 }, () => countKeyRun(a.keyId, { perMinute: 1000, perDay: 7 })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(7);
    expect(results.filter((r) => !r.ok && r.hit === "day")).toHaveLength(23);
    const row = await (await db()).apiKey.findUniqueOrThrow({ where: { id: a.keyId } });
    expect(row.dayCount).toBe(7);
    expect(row.totalRuns).toBe(7);
  });

  it("concurrent runs as a window starts over are all counted, none refused by the reset", async () => {
    const a = await made("keys-race-reset");
    const limits = { perMinute: 100, perDay: 10_000 };
    let t = Date.UTC(2030, 0, 2, 10, 0, 30);
    expect((await countKeyRun(a.keyId, limits, t)).ok).toBe(true);
    // Each round every call finds the stored minute old: one starts it over, the others must
    // count in the new one (on PostgreSQL's pool they interleave; SQLite runs them in turn).
    for (let round = 0; round < 10; round++) {
      t += 60_000;
      const counts = await Promise.all(Array.from({ length: 12 }, () => countKeyRun(a.keyId, limits, t)));
      expect(counts.filter((r) => !r.ok)).toEqual([]);
    }
    const row = await (await db()).apiKey.findUniqueOrThrow({ where: { id: a.keyId } });
    expect([row.minuteCount, row.dayCount, row.totalRuns]).toEqual([12, 121, 121]);
  });

  it("windows start over: a new minute, a new UTC day", async () => {
    const a = await made("keys-windows");
    const t0 = Date.UTC(2030, 0, 1, 23, 58, 30);
    const limits = { perMinute: 2, perDay: 3 };
    expect((await countKeyRun(a.keyId, limits, t0)).ok).toBe(true);
    expect((await countKeyRun(a.keyId, limits, t0 + 1000)).ok).toBe(true);
    const third = await countKeyRun(a.keyId, limits, t0 + 2000);
    expect(third).toMatchObject({ ok: false, hit: "minute", minute: { used: 2, limit: 2, resetSec: 28 } });
    // The next minute: the minute's count starts over, the day's does not.
    expect((await countKeyRun(a.keyId, limits, t0 + 60_000)).ok).toBe(true);
    const fourth = await countKeyRun(a.keyId, limits, t0 + 61_000);
    expect(fourth).toMatchObject({ ok: false, hit: "day", day: { used: 3, limit: 3, resetSec: 29 } });
    // After midnight UTC: both start over.
    expect(await countKeyRun(a.keyId, limits, t0 + 120_000)).toMatchObject({ ok: true, day: { used: 1 } });
    // A revoked key counts nothing.
    await revokeApiKey(a.keyId);
    expect(await countKeyRun(a.keyId, limits, t0 + 180_000)).toEqual({ ok: false, hit: "revoked" });
  });
});

describe("admin keys, sockets and Jobe", () => {
  it("an admin's key opens the exercise admin API, a student's does not", async () => {
    const admin = await made("keys-admin", { role: "admin" });
    const student = await made("keys-student");
    const def = { ...doubler, slug: "keys-admin-doubler" };
    const denied = await saveExercise(jsonRequest("POST", def, { authorization: student.authorization }));
    expect(denied.status).toBe(401);
    const saved = await saveExercise(jsonRequest("POST", def, { authorization: admin.authorization }));
    expect(saved.status).toBe(201);
    await deleteExercise(def.slug);
  });

  describe("WebSockets", () => {
    let server: Awaited<ReturnType<typeof startSocketServer>>;
    beforeAll(async () => {
      server = await startSocketServer();
    });
    afterAll(() => server.stop());

    it("refuse a bad key at the handshake and make a good key's run its user's", async () => {
      await expect(
        TestSocket.open(server.ws("/api/v1/runs/connect"), {
          headers: { authorization: `Bearer ${newApiKeyToken().token}` },
        }),
      ).rejects.toEqual(new HttpRefusal(401));
      await expect(
        TestSocket.open(server.ws("/api/v2/connect"), { headers: { authorization: "Bearer nope" } }),
      ).rejects.toEqual(new HttpRefusal(401));
      const a = await made("keys-socket");
      const s = await TestSocket.open(server.ws("/api/v1/runs/connect"), {
        headers: { authorization: a.authorization },
      });
      s.send({ type: "start", request: PY });
      const done = (await s.until((m) => m.type === "done")) as unknown as { run: { id: string; status: string } };
      expect(done.run.status).toBe("ok");
      expect((await listRuns({ ownerId: a.id })).runs.map((r) => r.id)).toEqual([done.run.id]);
    });
  });

  it("Jobe takes a Runbox key in X-API-KEY: the run is its user's; a bad one is Jobe's 403", async () => {
    const a = await made("keys-jobe");
    const spec = { run_spec: { language_id: "python3", sourcecode: "print('hi')" } };
    const res = await jobeRun(jsonRequest("POST", spec, { "x-api-key": a.token }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.outcome).toBe(15);
    expect((await listRuns({ ownerId: a.id })).runs.map((r) => r.id)).toEqual([body.run_id]);
    const bad = await jobeRun(jsonRequest("POST", spec, { "x-api-key": newApiKeyToken().token }));
    expect(bad.status).toBe(403);
    expect(await bad.json()).toBe("Unknown API key");
  });
});
