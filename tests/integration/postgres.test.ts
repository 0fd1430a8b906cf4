import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { databaseUrl, PRISMA_FILES, postgresConnection } from "@/lib/db/database-url";

// PostgreSQL only (the integration-postgres project): what has no SQLite counterpart.

const run = promisify(execFile);
const root = path.resolve(__dirname, "../..");
const prisma = (...args: string[]) =>
  run("npx", ["prisma", ...args], { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl() } });

describe("PostgreSQL", () => {
  it("has migrations that build exactly the schema", async () => {
    const { schema, migrations } = PRISMA_FILES.postgresql;
    // --exit-code: 0 when the migrations replayed on a scratch database give the schema, 2 when not.
    const diff = await prisma(
      "migrate",
      "diff",
      "--from-migrations",
      migrations,
      "--to-schema-datamodel",
      schema,
      "--exit-code",
    );
    expect(diff.stdout).toMatch(/No difference detected/);
    // The scratch database is gone again.
    const client = new pg.Client(postgresConnection(databaseUrl(), "runbox-test"));
    await client.connect();
    try {
      const { rows } = await client.query(
        "SELECT datname::text FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow%'",
      );
      expect(rows).toEqual([]);
    } finally {
      await client.end();
    }
  });

  it("lets a plain pg client connect with lib/db's settings (as a LISTEN connection will)", async () => {
    const client = new pg.Client(postgresConnection(databaseUrl(), "runbox-listen-test"));
    await client.connect();
    try {
      const { rows } = await client.query(
        "SELECT current_database()::text AS db, current_setting('application_name') AS app",
      );
      expect(rows).toEqual([{ db: new URL(databaseUrl()).pathname.slice(1), app: "runbox-listen-test" }]);
    } finally {
      await client.end();
    }
  });
});
