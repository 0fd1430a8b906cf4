import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";
import { databaseProvider, databaseUrl, PRISMA_FILES } from "./lib/db/database-url";
import { MigratePg } from "./lib/db/migrate-adapter";

// The Rust engines cannot be downloaded on our machines, so the CLI uses the JS schema engine
// through the same driver adapter the app uses at run time. DATABASE_URL picks the provider:
// its schema, its migrations folder and its adapter (`--schema` still overrides the schema, as
// `prisma generate --schema prisma/postgres/schema.prisma` does).
const url = databaseUrl();
const provider = databaseProvider(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: PRISMA_FILES[provider].schema,
  migrations: { path: PRISMA_FILES[provider].migrations },
  async adapter() {
    return provider === "postgresql" ? new MigratePg(url) : new PrismaBetterSQLite3({ url });
  },
});
