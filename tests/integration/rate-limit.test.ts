/**
 * Rate limits and runs-at-once caps, on SQLite (in memory) and on PostgreSQL (shared by every
 * instance: lib/db/shared-limits.ts, where two instances must never both admit the request that
 * fills a limit).
 */
import { randomInt } from "node:crypto";
import { nanoid } from "nanoid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createRun } from "@/app/api/v1/runs/route";
import { POST as pistonExecute } from "@/app/api/v2/execute/route";
import { databaseProvider, databaseUrl } from "@/lib/db/database-url";
import { heartbeat } from "@/lib/db/instances";
import { holdShared, releaseShared } from "@/lib/db/shared-limits";
import { limitStore } from "@/lib/http/limit-store";

const onPostgres = databaseProvider(databaseUrl()) === "postgresql";

beforeAll(() => {
  // A tiny budget for this file only (a limit of its own: buckets are per limit).
  process.env.RUNBOX_RATE_LIMIT_PER_MINUTE = "2";
});
afterAll(() => {
  delete process.env.RUNBOX_RATE_LIMIT_PER_MINUTE;
});

// Addresses of this run only: on PostgreSQL the buckets outlive the process.
const net = `10.${randomInt(1, 250)}.${randomInt(1, 250)}`;

const req = (ip: string, body: unknown) =>
  new Request("http://127.0.0.1/api", {
    method: "POST",
    headers: { "content-type": "application/json", "x-runbox-client-ip": ip },
    body: JSON.stringify(body),
  });

describe("rate limits", () => {
  it("counts runs per address with RateLimit headers, then answers 429 with Retry-After", async () => {
    const body = { language: "python", files: [{ name: "main.py", content: "print(1)" }] };
    const first = await createRun(req(`${net}.1`, body));
    expect(first.status).toBe(200);
    expect(first.headers.get("RateLimit-Limit")).toBe("2");
    expect(first.headers.get("RateLimit-Remaining")).toBe("1");
    expect((await createRun(req(`${net}.1`, body))).status).toBe(200);
    const third = await createRun(req(`${net}.1`, body));
    expect(third.status).toBe(429);
    expect(Number(third.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await third.json()).error.code).toBe("rate_limited");
    // Another address has its own budget; Piston's shape for its own API.
    expect((await createRun(req(`${net}.2`, body))).status).toBe(200);
    const piston = { language: "python", version: "*", files: [{ content: "print(1)" }] };
    await pistonExecute(req(`${net}.3`, piston));
    await pistonExecute(req(`${net}.3`, piston));
    const limited = await pistonExecute(req(`${net}.3`, piston));
    expect(limited.status).toBe(429);
    expect(Object.keys(await limited.json())).toEqual(["message"]);
  });

  it("admits exactly the limit when many requests race for it", async () => {
    const key = `ip:race-${nanoid()}`;
    const results = await Promise.all(Array.from({ length: 20 }, () => limitStore().take("race", 5, [key])));
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    // All keys or none: a request refused for one key uses up nothing of the other.
    const other = `ip:other-${nanoid()}`;
    expect((await limitStore().take("race", 5, [key, other])).allowed).toBe(false);
    expect((await limitStore().take("race", 5, [other])).remaining).toBe(4);
  });

  it("holds at most the cap of runs at once per client, however many race", async () => {
    const key = `ip:hold-${nanoid()}`;
    const holds = await Promise.all(Array.from({ length: 10 }, () => limitStore().hold([key], 2)));
    const held = holds.filter((h) => "release" in h);
    expect(held).toHaveLength(2);
    expect(holds.find((h) => "full" in h)).toEqual({ full: key });
    for (const h of held) if ("release" in h) await h.release();
    expect(await limitStore().hold([key], 2)).toHaveProperty("release");
  });

  it.runIf(onPostgres)("does not count the holds of an instance whose heartbeat stopped", async () => {
    const key = `ip:gone-${nanoid()}`;
    const dead = `dead-${nanoid(6)}`;
    await heartbeat(dead, new Date(Date.now() - 3_600_000));
    await holdShared("h1", [key], 1, dead);
    // Alive: its hold counts.
    expect(await limitStore().hold([key], 1)).toEqual({ full: key });
    // Its heartbeat an hour old: gone, and its hold with it.
    const { db } = await import("@/lib/db/client");
    await (await db()).instance.update({
      where: { id: dead },
      data: { heartbeatAt: new Date(Date.now() - 3_600_000) },
    });
    const h = await limitStore().hold([key], 1);
    expect(h).toHaveProperty("release");
    if ("release" in h) await h.release();
    await releaseShared("h1");
  });
});
