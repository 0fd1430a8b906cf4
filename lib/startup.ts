import { markInterruptedRuns } from "./db/runs";
import { log } from "./log";
import { reapContainers, startReaper } from "./sandbox/reaper";

/**
 * Start-up recovery: runs left "running" by a previous process are marked "interrupted",
 * every sandbox container that process left is removed, then the periodic reaper starts.
 */
export async function onServerStart(): Promise<void> {
  const startedAt = new Date();
  try {
    const interrupted = await markInterruptedRuns(startedAt);
    if (interrupted > 0) log.warn({ interrupted }, "marked runs interrupted by the last shutdown");
  } catch (err) {
    log.error({ err }, "could not check for interrupted runs");
  }
  // This process has no containers yet, so everything labelled is a leftover.
  await reapContainers({ all: true });
  startReaper();
}
