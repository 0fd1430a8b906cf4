import "server-only";
import { databaseProvider, databaseUrl, postgresConnection } from "../db/database-url";
import { type Bus, MemoryBus } from "./bus";

// Process-wide, like the engine: Next.js bundles routes and instrumentation separately.
const SLOT = Symbol.for("runbox.bus");
const g = globalThis as typeof globalThis & { [SLOT]?: Bus };

/** The bus this instance talks to others on: PostgreSQL's when the database is, else in-process. */
export async function appBus(): Promise<Bus> {
  if (!g[SLOT]) {
    const url = databaseUrl();
    if (databaseProvider(url) === "postgresql") {
      const { PostgresBus } = await import("./postgres-bus");
      g[SLOT] ??= new PostgresBus(postgresConnection(url, "runbox-bus"));
    } else {
      g[SLOT] ??= new MemoryBus();
    }
  }
  return g[SLOT];
}
