import "server-only";
import { databaseProvider, databaseUrl, postgresConnection } from "./database-url";
import type { PrismaClient } from "./generated/sqlite/client";

/**
 * The client type every lib/db module is written against. Both generated clients (SQLite's, and
 * PostgreSQL's from the schema derived from it) have the same models, fields and query API, which
 * lib/db/client-types.test.ts checks at compile time: a query written once runs on either.
 */
export type Db = PrismaClient;

// One client per process (kept on globalThis across Next.js dev reloads), for the provider
// DATABASE_URL names. Each provider's client and adapter are imported only when used.
const g = globalThis as typeof globalThis & { __runboxDb?: Promise<Db> };

/**
 * SQLite runs in WAL mode so readers never wait for the writer that records a finished run;
 * after a checkpoint the WAL file is cut back to 64 MiB (by default it keeps its largest size).
 */
async function connectSqlite(url: string): Promise<Db> {
  const [{ PrismaBetterSQLite3 }, { PrismaClient }] = await Promise.all([
    import("@prisma/adapter-better-sqlite3"),
    import("./generated/sqlite/client"),
  ]);
  const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
  await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await client.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
  await client.$queryRawUnsafe("PRAGMA journal_size_limit = 67108864");
  return client;
}

/** PostgreSQL through node-postgres' pool (10 connections, idle ones closed after 10 s). */
async function connectPostgres(url: string): Promise<Db> {
  const [{ PrismaPg }, { PrismaClient }] = await Promise.all([
    import("@prisma/adapter-pg"),
    import("./generated/postgres/client"),
  ]);
  const client = new PrismaClient({ adapter: new PrismaPg(postgresConnection(url)) });
  await client.$connect();
  return client as unknown as Db;
}

function connect(): Promise<Db> {
  const url = databaseUrl();
  return databaseProvider(url) === "postgresql" ? connectPostgres(url) : connectSqlite(url);
}

/** The Prisma client: the only place it is constructed. */
export function db(): Promise<Db> {
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
