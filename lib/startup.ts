import { startStorageSweeper } from "./db/retention";
import { markInterruptedRuns } from "./db/runs";
import { env } from "./env";
import { log } from "./log";
import { defaultSpec } from "./sandbox/execute";
import { reapContainers, startReaper } from "./sandbox/reaper";
import { pool } from "./sandbox/runtime-state";

/**
 * Start-up recovery: runs left "running" by a previous process are marked "interrupted", the
 * storage retention sweep starts, every sandbox container that process left is removed, then
 * the periodic reaper starts and the warm pool fills for the configured languages.
 */
export async function onServerStart(): Promise<void> {
  const startedAt = new Date();
  try {
    const interrupted = await markInterruptedRuns(startedAt);
    if (interrupted > 0) log.warn({ interrupted }, "marked runs interrupted by the last shutdown");
  } catch (err) {
    log.error({ err }, "could not check for interrupted runs");
  }
  // Retention: old API runs, caps and owner quotas, now and periodically (in the background).
  startStorageSweeper();
  // This process has no containers yet, so everything labelled is a leftover.
  await reapContainers({ all: true });
  startReaper();
  for (const id of env()
    .RUNBOX_POOL_PREWARM.split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    try {
      pool().prewarm(defaultSpec(id));
    } catch (err) {
      log.warn({ err, language: id }, "cannot prewarm this language");
    }
  }
  // Leave no warm container behind on a clean shutdown (the next start reaps them otherwise).
  const drain = () => void pool().drain();
  process.once("SIGTERM", drain);
  process.once("SIGINT", drain);
}
