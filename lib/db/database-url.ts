import path from "node:path";
import type { PoolConfig } from "pg";
import { parseIntoClientConfig } from "pg-connection-string";

export type DatabaseProvider = "sqlite" | "postgresql";

/** The database URL: DATABASE_URL, or a SQLite file in the state folder (.runbox by default). */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  const stateDir = path.resolve(/* turbopackIgnore: true */ process.cwd(), env.RUNBOX_STATE_DIR ?? ".runbox");
  return `file:${path.join(stateDir, "runbox.db")}`;
}

/** Which database a URL names: postgres:// or postgresql:// is PostgreSQL, anything else a SQLite file. */
export function databaseProvider(url = databaseUrl()): DatabaseProvider {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgresql" : "sqlite";
}

/** Where each provider's Prisma schema and migrations live (relative to the repository). */
export const PRISMA_FILES: Record<DatabaseProvider, { schema: string; migrations: string }> = {
  sqlite: { schema: "prisma/schema.prisma", migrations: "prisma/migrations" },
  postgresql: { schema: "prisma/postgres/schema.prisma", migrations: "prisma/postgres/migrations" },
};

/**
 * node-postgres settings for a postgres:// URL, parsed into fields (with a connection string
 * left in, pg would let it override the database Prisma's shadow database sets). The adapter's
 * pool uses them, and so can a plain `pg` client of its own (a LISTEN connection cannot live in
 * a pool). `?host=/folder` names a unix socket folder. Each connection says who it is.
 */
export function postgresConnection(url: string, applicationName = "runbox"): PoolConfig {
  // allowExitOnIdle: idle pooled connections do not keep a script (or the Prisma CLI) running for
  // the pool's 10 s idle timeout after its work is done.
  return { ...parseIntoClientConfig(url), application_name: applicationName, allowExitOnIdle: true };
}
