import "server-only";
import { db } from "./client";
import { isKey } from "./keys";

/** How often an instance says it is alive, and after how long without a word it is gone. */
export const HEARTBEAT_MS = 5_000;
export const GONE_AFTER_MS = 20_000;

/** Say this instance is alive (and when it started); creates its row the first time. */
export async function heartbeat(id: string, startedAt: Date): Promise<void> {
  const client = await db();
  const now = new Date();
  await client.instance.upsert({
    where: { id },
    create: { id, startedAt, heartbeatAt: now },
    update: { startedAt, heartbeatAt: now },
  });
}

/** True when `id` is an instance this database knows and whose heartbeat stopped; unknown ids are not gone. */
export async function instanceGone(id: string, now = Date.now()): Promise<boolean> {
  if (!isKey(id)) return false;
  const client = await db();
  const row = await client.instance.findUnique({ where: { id } });
  return Boolean(row && row.heartbeatAt.getTime() < now - GONE_AFTER_MS);
}

/** The instances whose heartbeat stopped. */
export async function goneInstances(now = Date.now()): Promise<string[]> {
  const client = await db();
  const rows = await client.instance.findMany({
    where: { heartbeatAt: { lt: new Date(now - GONE_AFTER_MS) } },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** Alive instances (recent heartbeat), for the health page. */
export async function liveInstances(now = Date.now()): Promise<{ id: string; startedAt: Date; heartbeatAt: Date }[]> {
  const client = await db();
  return client.instance.findMany({
    where: { heartbeatAt: { gte: new Date(now - GONE_AFTER_MS) } },
    orderBy: { startedAt: "asc" },
  });
}

/** Forget instances gone for a day (their runs were marked long ago). */
export async function forgetOldInstances(now = Date.now()): Promise<void> {
  const client = await db();
  await client.instance.deleteMany({ where: { heartbeatAt: { lt: new Date(now - 24 * 3_600_000) } } });
}
