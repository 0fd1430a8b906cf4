import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { postgresSchema } from "./postgres-schema";

const root = path.resolve(__dirname, "../..");
const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");
const lines = (schema: string) => schema.split("\n").filter((l) => !l.startsWith("//"));

describe("PostgreSQL's Prisma schema", () => {
  it("is the committed prisma/postgres/schema.prisma (run `npx tsx scripts/postgres-schema.ts` after editing prisma/schema.prisma)", () => {
    expect(read("prisma/postgres/schema.prisma")).toBe(postgresSchema(read("prisma/schema.prisma")));
  });

  it("differs from SQLite's only in the provider and the client's folder", () => {
    const sqlite = lines(read("prisma/schema.prisma"));
    const postgres = lines(postgresSchema(read("prisma/schema.prisma")));
    expect(postgres.length).toBe(sqlite.length);
    const changed = postgres.flatMap((line, i) => (line === sqlite[i] ? [] : [[sqlite[i], line]]));
    expect(changed).toEqual([
      ['  output       = "../lib/db/generated/sqlite"', '  output       = "../../lib/db/generated/postgres"'],
      ['  provider = "sqlite"', '  provider = "postgresql"'],
    ]);
  });

  it("refuses a SQLite schema whose datasource it does not recognise, rather than copy it", () => {
    const schema = read("prisma/schema.prisma").replace('provider = "sqlite"', 'provider = "mysql"');
    expect(() => postgresSchema(schema)).toThrow(/no longer matches/);
  });
});
