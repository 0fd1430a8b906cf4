import "server-only";
import fs from "node:fs/promises";
import { db } from "./client";
import { databaseUrl } from "./database-url";

// The only SQL here that is not plain Prisma: one function per provider for each task.

type Client = Awaited<ReturnType<typeof db>>;
type Provider = "sqlite" | "postgresql";

/** Which database DATABASE_URL names: a file is SQLite, a postgres:// URL PostgreSQL. */
export function databaseProvider(url = databaseUrl()): Provider {
  return /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}

const num = (v: unknown): number => Number(v ?? 0);

async function pragma(client: Client, name: string): Promise<number> {
  const rows = await client.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${name}`);
  return num(Object.values(rows[0] ?? {})[0]);
}

/** SQLite: the pages of the main file plus the WAL, which holds recent writes until a checkpoint. */
async function sqliteSize(client: Client): Promise<number> {
  const [pages, pageSize] = [await pragma(client, "page_count"), await pragma(client, "page_size")];
  const files = await client.$queryRawUnsafe<{ name: string; file: string }[]>("PRAGMA database_list");
  const main = files.find((f) => f.name === "main")?.file;
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

/** Free space worth handing back to the file system: at least this much, and a quarter of the file. */
const RECLAIM_MIN_BYTES = 16 * 1024 * 1024;

/**
 * SQLite: deleted rows leave free pages that later rows reuse, so the file stops growing once
 * retention holds it steady. After large deletes (free pages ≥ 16 MiB and ≥ a quarter of the
 * file) `incremental_vacuum` returns them to the file system (auto_vacuum is INCREMENTAL since
 * migration 0005); a TRUNCATE checkpoint then moves the WAL into the file and empties it.
 * Returns the bytes given back.
 */
async function sqliteReclaim(client: Client): Promise<number> {
  const [free, pageSize, pages, autoVacuum] = [
    await pragma(client, "freelist_count"),
    await pragma(client, "page_size"),
    await pragma(client, "page_count"),
    await pragma(client, "auto_vacuum"),
  ];
  const freeBytes = free * pageSize;
  let reclaimed = 0;
  if (autoVacuum === 2 && freeBytes >= RECLAIM_MIN_BYTES && free * 4 >= pages) {
    await client.$queryRawUnsafe("PRAGMA incremental_vacuum");
    reclaimed = (pages - (await pragma(client, "page_count"))) * pageSize;
  }
  await client.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  return reclaimed;
}

/** PostgreSQL: autovacuum already makes dead rows' space reusable; nothing to do here. */
async function postgresReclaim(): Promise<number> {
  return 0;
}

/** Give space freed by the retention sweep back where the provider allows it cheaply. */
export async function reclaimSpace(): Promise<number> {
  const client = await db();
  const reclaimed = databaseProvider() === "postgresql" ? await postgresReclaim() : await sqliteReclaim(client);
  sizeCache = undefined;
  return reclaimed;
}
