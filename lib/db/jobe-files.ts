import "server-only";
import { db } from "./client";
import { ROW_OVERHEAD_BYTES } from "./row-size";

/** The cache's bounds: total stored bytes and the age (since last use) at which a file expires. */
export interface JobeFilePolicy {
  /** null: no cap. */
  maxBytes: number | null;
  maxAgeMs: number;
}

/** Past the cap, the least recently used files go until the total is at most this share of it. */
const TRIM_TO = 0.9;
/** A run refreshes a file's last use at most this often (one write per file per hour, not per run). */
const TOUCH_EVERY_MS = 60 * 60 * 1000;

// What the cache stores, as this process last counted it plus what it wrote since (null: count
// again). Each file also costs a row: counted, so a flood of one-byte files meets the cap too.
// Another instance's writes are seen when the count is next taken (past the cap, or after expiry).
const g = globalThis as typeof globalThis & { __runboxJobeFiles?: { bytes: number | null } };
g.__runboxJobeFiles ??= { bytes: null };
const state = g.__runboxJobeFiles;

async function countBytes(): Promise<number> {
  const client = await db();
  const { _sum, _count } = await client.jobeFile.aggregate({ _sum: { size: true }, _count: true });
  return (_sum.size ?? 0) + _count * ROW_OVERHEAD_BYTES;
}

/** Store (or replace) a file under (scope, id), then apply expiry and the size cap. */
export async function putJobeFile(
  file: { scope: string; id: string; content: Buffer },
  policy: JobeFilePolicy,
): Promise<void> {
  const client = await db();
  const now = new Date();
  const key = { scope_id: { scope: file.scope, id: file.id } };
  const before = await client.jobeFile.findUnique({ where: key, select: { size: true } });
  const data = { content: new Uint8Array(file.content), size: file.content.length, usedAt: now };
  await client.jobeFile.upsert({ where: key, create: { scope: file.scope, id: file.id, ...data }, update: data });
  if (state.bytes !== null) state.bytes += file.content.length - (before ? before.size : -ROW_OVERHEAD_BYTES);
  const expired = await client.jobeFile.deleteMany({
    where: { usedAt: { lt: new Date(now.getTime() - policy.maxAgeMs) } },
  });
  if (expired.count > 0) state.bytes = null;
  if (policy.maxBytes === null) return;
  state.bytes ??= await countBytes();
  if (state.bytes > policy.maxBytes) state.bytes = await trim(policy.maxBytes);
}

/** Least recently used first, until the cache is back under TRIM_TO of the cap; the new total. */
async function trim(maxBytes: number): Promise<number> {
  const client = await db();
  let total = await countBytes();
  while (total > maxBytes * TRIM_TO) {
    const oldest = await client.jobeFile.findMany({
      select: { scope: true, id: true, size: true },
      orderBy: { usedAt: "asc" },
      take: 500,
    });
    if (oldest.length === 0) break;
    const victims: typeof oldest = [];
    for (const f of oldest) {
      if (total <= maxBytes * TRIM_TO) break;
      victims.push(f);
      total -= f.size + ROW_OVERHEAD_BYTES;
    }
    await client.jobeFile.deleteMany({ where: { OR: victims.map((f) => ({ scope: f.scope, id: f.id })) } });
  }
  return total;
}

/**
 * The unexpired files with these ids visible in `scopes` (earlier scopes win when an id is in
 * several), refreshing their last use. A missing id is simply absent from the map.
 */
export async function findJobeFiles(
  ids: string[],
  scopes: string[],
  policy: JobeFilePolicy,
): Promise<Map<string, Buffer>> {
  if (ids.length === 0) return new Map();
  const client = await db();
  const now = Date.now();
  const rows = await client.jobeFile.findMany({
    where: { id: { in: [...new Set(ids)] }, scope: { in: scopes }, usedAt: { gte: new Date(now - policy.maxAgeMs) } },
  });
  rows.sort((a, b) => scopes.indexOf(a.scope) - scopes.indexOf(b.scope));
  const found = new Map<string, Buffer>();
  for (const row of rows) if (!found.has(row.id)) found.set(row.id, Buffer.from(row.content));
  const stale = rows.filter((r) => now - r.usedAt.getTime() > TOUCH_EVERY_MS);
  if (stale.length > 0)
    await client.jobeFile.updateMany({
      where: { OR: stale.map((r) => ({ scope: r.scope, id: r.id })) },
      data: { usedAt: new Date(now) },
    });
  return found;
}

/** Whether an unexpired file with this id is visible in `scopes`. */
export async function hasJobeFile(id: string, scopes: string[], policy: JobeFilePolicy): Promise<boolean> {
  const client = await db();
  const row = await client.jobeFile.findFirst({
    where: { id, scope: { in: scopes }, usedAt: { gte: new Date(Date.now() - policy.maxAgeMs) } },
    select: { id: true },
  });
  return row !== null;
}
