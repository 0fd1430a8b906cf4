import "server-only";
import fs from "node:fs/promises";
import Database from "better-sqlite3";
import { type Db as Client, db } from "./client";
import { databaseProvider } from "./database-url";

// The only SQL here that is not plain Prisma: one function per provider for each task.

const num = (v: unknown): number => Number(v ?? 0);

async function pragma(client: Client, name: string): Promise<number> {
  const rows = await client.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${name}`);
  return num(Object.values(rows[0] ?? {})[0]);
}

async function sqliteFile(client: Client): Promise<string | undefined> {
  const files = await client.$queryRawUnsafe<{ name: string; file: string }[]>("PRAGMA database_list");
  return files.find((f) => f.name === "main")?.file || undefined;
}

/** SQLite: the pages of the main file plus the WAL, which holds recent writes until a checkpoint. */
async function sqliteSize(client: Client): Promise<number> {
  const [pages, pageSize] = [await pragma(client, "page_count"), await pragma(client, "page_size")];
  const main = await sqliteFile(client);
  const wal = main ? await fs.stat(`${main}-wal`).catch(() => null) : null;
  return pages * pageSize + (wal?.size ?? 0);
}

async function postgresSize(client: Client): Promise<number> {
  const rows = await client.$queryRawUnsafe<{ n: unknown }[]>("SELECT pg_database_size(current_database()) AS n");
  return num(rows[0]?.n);
}

const SIZE_TTL_MS = 5_000;
let sizeCache: { at: number; value: Promise<number> } | undefined;

/** The database's size on disk in bytes; cached for a few seconds (health checks poll it). */
export function databaseSizeBytes(): Promise<number> {
  const now = Date.now();
  if (!sizeCache || now - sizeCache.at > SIZE_TTL_MS) {
    const value = db().then((client) =>
      databaseProvider() === "postgresql" ? postgresSize(client) : sqliteSize(client),
    );
    value.catch(() => {
      sizeCache = undefined;
    });
    sizeCache = { at: now, value };
  }
  return sizeCache.value;
}

/** Free space worth handing back to the file system: at least this much, and this share of the file. */
export interface ReclaimThresholds {
  minBytes: number;
  minShare: number;
}
const RECLAIM_WHEN: ReclaimThresholds = { minBytes: 16 * 1024 * 1024, minShare: 0.25 };
/** Pages moved per step (8 MiB at 4 KiB pages, ~60 ms here), so writers get the lock in between. */
const RECLAIM_STEP_PAGES = 2048;

/**
 * SQLite: deleted rows leave free pages that later rows reuse, so the file stops growing once
 * retention holds it steady. After large deletes (free pages ≥ 16 MiB and ≥ a quarter of the
 * file) `incremental_vacuum` returns them to the file system (auto_vacuum is INCREMENTAL since
 * migration 0005), in steps; a TRUNCATE checkpoint then moves the WAL into the file and empties
 * it. Measured: 174 MiB given back in 1.2 s. A short-lived better-sqlite3 connection does this:
 * the pragma frees one page per statement step, and Prisma's adapter steps only once. Returns
 * the bytes given back.
 */
async function sqliteReclaim(client: Client, when: ReclaimThresholds): Promise<number> {
  const file = await sqliteFile(client);
  if (!file) return 0;
  const raw = new Database(file, { fileMustExist: true });
  try {
    raw.pragma("busy_timeout = 5000");
    const number = (name: string) => Number(raw.pragma(name, { simple: true }));
    const [pageSize, pagesBefore] = [number("page_size"), number("page_count")];
    const free = number("freelist_count");
    if (number("auto_vacuum") === 2 && free * pageSize >= when.minBytes && free >= pagesBefore * when.minShare) {
      for (let left = free; left > 0; ) {
        raw.exec(`PRAGMA incremental_vacuum(${RECLAIM_STEP_PAGES})`);
        const now = number("freelist_count");
        if (now >= left) break;
        left = now;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    raw.pragma("wal_checkpoint(TRUNCATE)");
    return (pagesBefore - number("page_count")) * pageSize;
  } finally {
    raw.close();
  }
}

/** PostgreSQL: autovacuum already makes dead rows' space reusable; nothing to do here. */
async function postgresReclaim(): Promise<number> {
  return 0;
}

/** Give space freed by the retention sweep back where the provider allows it cheaply. */
export async function reclaimSpace(when = RECLAIM_WHEN): Promise<number> {
  const client = await db();
  const reclaimed = databaseProvider() === "postgresql" ? await postgresReclaim() : await sqliteReclaim(client, when);
  sizeCache = undefined;
  return reclaimed;
}
