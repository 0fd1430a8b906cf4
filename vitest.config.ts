import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(__dirname);
// "server-only" throws outside Next's server bundle; under vitest it is an empty module.
const alias = { "@": root, "server-only": path.join(root, "tests/support/server-only.ts") };

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
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // Real containers on a 2-core machine: one file at a time, generous timeouts.
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 120_000,
          hookTimeout: 180_000,
          setupFiles: ["tests/support/integration-setup.ts"],
          globalSetup: ["tests/support/integration-global.ts"],
        },
      },
    ],
  },
});
