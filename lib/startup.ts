import { appEngine } from "./app-engine";
import { startStorageSweeper } from "./db/retention";
import { markInterruptedRuns } from "./db/runs";
import { log } from "./log";
import { installUpgradeHandler } from "./ws/upgrade";

/**
 * Start-up recovery: runs left "running" by a previous process are marked "interrupted", the
 * storage retention sweep starts, then the engine starts (its reaper removes this instance's
 * leftovers at once and those of gone instances as it learns of them) and the warm pool fills
 * for the configured languages.
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
  const engine = appEngine();
  engine.start();
  // WebSockets (the playground's terminal, /api/v2/connect, /api/v1/runs/connect) go through server.ts to here.
  installUpgradeHandler();
  log.info({ instance: engine.config.instanceId }, "sandbox engine started");
  // Leave no warm container behind on a clean shutdown (the next start reaps them otherwise).
  const drain = () => void engine.shutdown();
  process.once("SIGTERM", drain);
  process.once("SIGINT", drain);
}
