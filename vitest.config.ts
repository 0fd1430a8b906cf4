import path from "node:path";
import { configDefaults, defineConfig } from "vitest/config";

const root = path.resolve(__dirname);
// "server-only" throws outside Next's server bundle; under vitest it is an empty module.
const alias = { "@": root, "server-only": path.join(root, "tests/support/server-only.ts") };

/** Real containers on a 2-core machine: one file at a time, generous timeouts. */
const integration = (name: string, include: string[], exclude: string[] = [], globalSetup: string[] = []) => ({
  resolve: { alias },
  test: {
    name,
    include,
    exclude: [...configDefaults.exclude, ...exclude],
    environment: "node",
    poolOptions: { forks: { singleFork: true } },
    testTimeout: 120_000,
    hookTimeout: 180_000,
    setupFiles: ["tests/support/integration-setup.ts"],
    globalSetup: ["tests/support/integration-global.ts", ...globalSetup],
  },
});

/**
 * The files that test lib/db and the APIs over it: run a second time on PostgreSQL. The
 * container-heavy ones (languages, limits, hostile programs, pool, gVisor…) are provider-blind.
 */
const DATABASE_FILES = [
  "tests/integration/api-keys.test.ts",
  "tests/integration/api.test.ts",
  "tests/integration/bus.test.ts",
  "tests/integration/cluster.test.ts",
  "tests/integration/database.test.ts",
  "tests/integration/exercises-api.test.ts",
  "tests/integration/identity.test.ts",
  "tests/integration/postgres.test.ts",
  "tests/integration/rate-limit.test.ts",
  "tests/integration/storage.test.ts",
];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts"],
          environment: "node",
          env: { LOG_LEVEL: "silent" },
        },
      },
      // PostgreSQL only: its own cluster of instances shares one database (SQLite is one process's).
      integration(
        "integration",
        ["tests/integration/**/*.test.ts"],
        ["tests/integration/postgres.test.ts", "tests/integration/cluster.test.ts"],
      ),
      // DATABASE_URL: the test PostgreSQL npm test prepared (RUNBOX_TEST_POSTGRES_URL), or one
      // tests/support/postgres-global.ts starts for this run (scripts/postgres.sh).
      integration("integration-postgres", DATABASE_FILES, [], ["tests/support/postgres-global.ts"]),
    ],
  },
});
