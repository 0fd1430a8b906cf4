import { execFileSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { localInstanceGone } from "@/lib/instances";
import { DockerBackend } from "@/lib/sandbox/docker";
import { Reaper } from "@/lib/sandbox/reaper";

/**
 * Before the integration suite: bundle the debug-analysis worker from this checkout, and
 * remove sandbox containers that earlier test processes on this machine left behind (their
 * pid is gone), as a server does at start-up for its own.
 */
export default async function setup() {
  process.env.LOG_LEVEL ??= "silent";
  // Runs are analysed in a worker thread bundled from this checkout's lib/debug.
  execFileSync(process.execPath, [path.resolve(__dirname, "../../scripts/build-debug-worker.mjs")], {
    stdio: "inherit",
  });
  const reaper = new Reaper(new DockerBackend(), {
    instanceId: `${os.hostname()}:integration-setup`,
    startedAt: Date.now(),
    inUse: () => new Set(),
    isInstanceGone: async (id) => localInstanceGone(id),
  });
  await reaper.sweep();
}
