import os from "node:os";
import { localInstanceGone } from "@/lib/instances";
import { DockerBackend } from "@/lib/sandbox/docker";
import { Reaper } from "@/lib/sandbox/reaper";

/**
 * Before the integration suite: remove sandbox containers that earlier test processes on this
 * machine left behind (their pid is gone), as a server does at start-up for its own.
 */
export default async function setup() {
  process.env.LOG_LEVEL ??= "silent";
  const reaper = new Reaper(new DockerBackend(), {
    instanceId: `${os.hostname()}:integration-setup`,
    startedAt: Date.now(),
    inUse: () => new Set(),
    isInstanceGone: async (id) => localInstanceGone(id),
  });
  await reaper.sweep();
}
