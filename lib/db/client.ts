import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseUrl } from "./database-url";
import { PrismaClient } from "./generated/client";

// One client per process (kept on globalThis across Next.js dev reloads). SQLite runs in
// WAL mode so readers never wait for the writer that records a finished run; after a
// checkpoint the WAL file is cut back to 64 MiB (by default it keeps its largest size).
const g = globalThis as typeof globalThis & { __runboxDb?: Promise<PrismaClient> };

async function connect(): Promise<PrismaClient> {
  const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl() }) });
  await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await client.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
  await client.$queryRawUnsafe("PRAGMA journal_size_limit = 67108864");
  return client;
}

/** The Prisma client: the only place it is constructed. */
export function db(): Promise<PrismaClient> {
  g.__runboxDb ??= connect().catch((err) => {
    g.__runboxDb = undefined;
    throw err;
  });
  return g.__runboxDb;
}

/** Database reachable and migrated? Throws with the reason otherwise. */
export async function pingDb(): Promise<void> {
  const client = await db();
  await client.run.count({ take: 1 });
}
