import { execFileSync } from "node:child_process";
import path from "node:path";
import { reapContainers } from "@/lib/sandbox/reaper";

/**
 * Before the integration suite: remove every sandbox container an earlier process left (as a
 * server does at start-up), so "nothing left behind" checks judge only this run's containers.
 */
export default async function setup() {
  process.env.LOG_LEVEL ??= "silent";
  // Runs are analysed in a worker thread bundled from this checkout's lib/debug.
  execFileSync(process.execPath, [path.resolve(__dirname, "../../scripts/build-debug-worker.mjs")], {
    stdio: "inherit",
  });
  await reapContainers({ all: true });
}
