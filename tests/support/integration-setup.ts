import path from "node:path";
import { afterAll, inject } from "vitest";

// Integration tests use the state folder and test database that npm test prepared, or the
// database their project names (integration-postgres: tests/support/postgres-global.ts).
const state = path.resolve(__dirname, "../../.runbox");
process.env.RUNBOX_STATE_DIR ??= state;
const projectDatabase = inject("databaseUrl");
if (projectDatabase) process.env.DATABASE_URL = projectDatabase;
process.env.DATABASE_URL ??= `file:${path.join(state, "test.db")}`;
process.env.LOG_LEVEL ??= "silent";
// Tests call route handlers directly, as one client unless a request names its address
// (x-runbox-client-ip, as server.ts would set it); many run at once, so no per-client cap.
process.env.RUNBOX_MAX_RUNS_PER_CLIENT ??= "64";
// Imported after LOG_LEVEL is set (lib/log reads it once).
const { trustClientIpHeader } = await import("@/lib/http/client-address");
trustClientIpHeader();

// Warm containers belong to this test process: leave none behind when a file finishes. Each
// file also gets an Engine of its own (files run in one process but with their own modules).
afterAll(async () => {
  const { disposeAppEngine } = await import("@/lib/app-engine");
  await disposeAppEngine();
});
