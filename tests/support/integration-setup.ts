import path from "node:path";
import { afterAll } from "vitest";

// Integration tests use the state folder and test database that npm test prepared.
const state = path.resolve(__dirname, "../../.runbox");
process.env.RUNBOX_STATE_DIR ??= state;
process.env.DATABASE_URL ??= `file:${path.join(state, "test.db")}`;
process.env.LOG_LEVEL ??= "silent";

// Warm containers belong to this test process: leave none behind when a file finishes.
afterAll(async () => {
  const { pool } = await import("@/lib/sandbox/runtime-state");
  await pool().drain();
});
