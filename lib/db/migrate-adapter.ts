import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import type { PoolConfig } from "pg";
import { postgresConnection } from "./database-url";

/**
 * PostgreSQL's catalog types Prisma's pg adapter does not map (it throws "Column type 'name'
 * could not be deserialized", prisma/prisma#27403), as the text types they print as. The schema
 * engine reads the catalogs (migrate deploy, status, diff); the app's queries never return these.
 */
const AS_TEXT: Record<number, number> = {
  18: 25, // "char" → text
  19: 25, // name → text
  194: 25, // pg_node_tree → text
  1002: 1009, // "char"[] → text[]
  1003: 1009, // name[] → text[]
};

type Field = { dataTypeID: number };
type Result = { fields?: Field[] };
type Patchable = { performIO?: (query: unknown) => Promise<Result | Result[]> };

/** Rename the catalog types of a result's columns before the adapter maps them (in place). */
function patch<T>(queryable: T): T {
  const target = queryable as T & Patchable;
  const performIO = target.performIO?.bind(target);
  if (!performIO) throw new Error("@prisma/adapter-pg changed: lib/db/migrate-adapter.ts needs a look");
  target.performIO = async (query) => {
    const result = await performIO(query);
    // A script of several statements gives one result each.
    for (const one of Array.isArray(result) ? result : [result])
      for (const field of one.fields ?? []) field.dataTypeID = AS_TEXT[field.dataTypeID] ?? field.dataTypeID;
    return result;
  };
  const withTx = target as T & { startTransaction?: (...args: unknown[]) => Promise<unknown> };
  const start = withTx.startTransaction?.bind(target);
  if (start) withTx.startTransaction = async (...args) => patch(await start(...args));
  return queryable;
}

/** The pg adapter for Prisma's CLI (prisma.config.ts): PrismaPg, able to read the catalogs. */
export class MigratePg extends PrismaPg {
  readonly #config: PoolConfig;

  constructor(url: string) {
    const config = postgresConnection(url, "runbox-migrate");
    super(config);
    this.#config = config;
  }

  override async connect() {
    return patch(await super.connect());
  }

  /**
   * A scratch database for `migrate diff --from-migrations`. PrismaPg's own drops it while its
   * pool still holds a connection to it, which PostgreSQL refuses: this one closes the pool first.
   */
  override async connectToShadowDb() {
    const main = await this.connect();
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await main.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = patch(await new PrismaPg({ ...this.#config, database }).connect());
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await main.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
      await main.dispose();
    };
    return shadow;
  }
}
