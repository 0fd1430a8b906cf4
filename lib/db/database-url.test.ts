import { describe, expect, it } from "vitest";
import { databaseProvider, databaseUrl, postgresConnection } from "./database-url";

const env = (vars: Record<string, string>) => ({ NODE_ENV: "test", ...vars }) as NodeJS.ProcessEnv;

describe("DATABASE_URL", () => {
  it("defaults to a SQLite file in the state folder", () => {
    expect(databaseUrl(env({ RUNBOX_STATE_DIR: "/srv/runbox" }))).toBe("file:/srv/runbox/runbox.db");
    expect(databaseUrl(env({ DATABASE_URL: "postgresql://db/runbox" }))).toBe("postgresql://db/runbox");
  });

  it("names PostgreSQL by its two schemes, anything else is a SQLite file", () => {
    expect(databaseProvider("postgresql://u@db:5432/runbox")).toBe("postgresql");
    expect(databaseProvider("postgres://u@db/runbox")).toBe("postgresql");
    expect(databaseProvider("POSTGRESQL://u@db/runbox")).toBe("postgresql");
    expect(databaseProvider("file:/srv/runbox/runbox.db")).toBe("sqlite");
    expect(databaseProvider("file:postgres://not-a-url.db")).toBe("sqlite");
  });

  it("gives node-postgres separate fields, a unix socket folder included, and no connection string", () => {
    const config = postgresConnection("postgresql://runbox:s%40cret@localhost/runbox_test?host=/srv/pg/run&port=5433");
    expect(config).toMatchObject({
      host: "/srv/pg/run",
      port: 5433,
      user: "runbox",
      password: "s@cret",
      database: "runbox_test",
      application_name: "runbox",
      allowExitOnIdle: true,
    });
    // A connection string would win over the `database` Prisma's shadow database sets.
    expect(config).not.toHaveProperty("connectionString");
    expect(postgresConnection("postgres://db.internal/runbox", "runbox-listen").application_name).toBe("runbox-listen");
  });
});
