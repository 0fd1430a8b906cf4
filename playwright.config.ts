import path from "node:path";
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const state = process.env.RUNBOX_STATE_DIR ?? path.resolve(import.meta.dirname, ".runbox");

// Debian's Chromium (Playwright's own browser download is not available offline).
export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    // The debug analysis worker lives in .next, which `next build` empties.
    command: "node scripts/build-debug-worker.mjs && node --import tsx server.ts",
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 60_000,
    reuseExistingServer: false,
    env: {
      HOST: "127.0.0.1",
      PORT: String(port),
      RUNBOX_STATE_DIR: state,
      DATABASE_URL: process.env.DATABASE_URL ?? `file:${path.join(state, "test.db")}`,
      LOG_LEVEL: "warn",
      // One browser at one address drives every page of the suite: the per-address page-view limit
      // (tested in tests/integration/identity.test.ts) would refuse it, so it is out of the way here.
      RUNBOX_PAGE_RATE_LIMIT_PER_MINUTE: "100000",
      // e2e/classroom.spec.ts signs in as this admin to make a teacher.
      RUNBOX_ADMIN_USERS: "e2e-admin",
    },
  },
});
