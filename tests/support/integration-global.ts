import { reapContainers } from "@/lib/sandbox/reaper";

/**
 * Before the integration suite: remove every sandbox container an earlier process left (as a
 * server does at start-up), so "nothing left behind" checks judge only this run's containers.
 */
export default async function setup() {
  process.env.LOG_LEVEL ??= "silent";
  await reapContainers({ all: true });
}
