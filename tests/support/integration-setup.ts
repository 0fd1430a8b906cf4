import path from "node:path";

// Integration tests use the state folder and test database that npm test prepared.
const state = path.resolve(__dirname, "../../.runbox");
process.env.RUNBOX_STATE_DIR ??= state;
process.env.DATABASE_URL ??= `file:${path.join(state, "test.db")}`;
process.env.LOG_LEVEL ??= "silent";
