import "server-only";
import { db } from "./client";
import { GONE_AFTER_MS } from "./instances";

/**
 * Rate limits and runs-at-once caps that every instance sharing a PostgreSQL database sees, so a
 * client that spreads its requests over instances (a round-robin load balancer does it for them)
 * gets no more than from one. PostgreSQL only: one process on SQLite keeps them in memory
 * (lib/http/limit-store.ts). Every decision is one short transaction holding row or advisory
 * locks on the client's keys, so two instances cannot both admit the request that fills a limit.
 */

export interface TakeResult {
  allowed: boolean;
  remaining: number;
  resetSec: number;
}

/**
 * Take one token from the bucket of each key (`name` keeps limits apart), refilled at `limit` per
 * minute, or from none when one is empty. Time is the database's, not this machine's: instances'
 * clocks may differ.
 */
export async function takeShared(name: string, limit: number, keys: string[]): Promise<TakeResult> {
  const ids = [...new Set(keys.map((k) => `${name} ${k}`))].sort();
  const perMs = limit / 60_000;
  return (await db()).$transaction(async (tx) => {
    for (const id of ids)
      await tx.$executeRaw`INSERT INTO "RateBucket" ("key", "tokens", "at") VALUES (${id}, ${limit}, now()) ON CONFLICT DO NOTHING`;
    const rows = await tx.$queryRaw<{ key: string; tokens: number; ageMs: number }[]>`
      SELECT "key", "tokens", (EXTRACT(EPOCH FROM (now() - "at")) * 1000)::float8 AS "ageMs"
      FROM "RateBucket" WHERE "key" = ANY(${ids}) ORDER BY "key" FOR UPDATE`;
    const buckets = rows.map((r) => ({ key: r.key, tokens: Math.min(limit, r.tokens + Math.max(0, r.ageMs) * perMs) }));
    const allowed = buckets.length > 0 && buckets.every((b) => b.tokens >= 1);
    for (const b of buckets) {
      if (allowed) b.tokens -= 1;
      await tx.$executeRaw`UPDATE "RateBucket" SET "tokens" = ${b.tokens}, "at" = now() WHERE "key" = ${b.key}`;
    }
    const tightest = Math.min(...buckets.map((b) => b.tokens));
    const missing = allowed ? limit - tightest : 1 - tightest;
    return {
      allowed,
      remaining: Math.max(0, Math.floor(tightest)),
      resetSec: Math.max(1, Math.ceil(missing / perMs / 1000)),
    };
  });
}

/**
 * Count one running program against each key, unless a key already has `cap` running (its name
 * is returned). Holds of instances whose heartbeat stopped do not count.
 */
export async function holdShared(
  holdId: string,
  keys: string[],
  cap: number,
  instanceId: string,
): Promise<{ full: string } | { held: true }> {
  const sorted = [...new Set(keys)].sort();
  return (await db()).$transaction(async (tx) => {
    // Serialises admissions of the same client across instances (released at commit).
    for (const k of sorted) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`runbox-hold ${k}`}))`;
    const counts = await tx.$queryRaw<{ key: string; n: number }[]>`
      SELECT h."key", count(*)::int AS "n" FROM "RunHold" h
      WHERE h."key" = ANY(${sorted}) AND NOT EXISTS (
        SELECT 1 FROM "Instance" i
        WHERE i."id" = h."instanceId" AND i."heartbeatAt" < now() - make_interval(secs => ${GONE_AFTER_MS / 1000})
      )
      GROUP BY h."key"`;
    const full = counts.find((c) => c.n >= cap);
    if (full) return { full: full.key };
    for (const k of sorted)
      await tx.$executeRaw`INSERT INTO "RunHold" ("id", "key", "instanceId") VALUES (${holdId}, ${k}, ${instanceId})`;
    return { held: true as const };
  });
}

export async function releaseShared(holdId: string): Promise<void> {
  await (await db()).runHold.deleteMany({ where: { id: holdId } });
}

/**
 * Housekeeping, from the heartbeat loop: buckets untouched for 10 minutes are full again (they
 * say nothing), and holds of gone instances (or this one's earlier life) are leftovers.
 */
export async function pruneShared(goneInstances: string[], ownEarlierLife?: { instanceId: string; before: Date }) {
  const client = await db();
  await client.rateBucket.deleteMany({ where: { at: { lt: new Date(Date.now() - 10 * 60_000) } } });
  const leftovers = [
    ...(goneInstances.length > 0 ? [{ instanceId: { in: goneInstances } }] : []),
    ...(ownEarlierLife ? [{ instanceId: ownEarlierLife.instanceId, createdAt: { lt: ownEarlierLife.before } }] : []),
  ];
  if (leftovers.length > 0) await client.runHold.deleteMany({ where: { OR: leftovers } });
}
