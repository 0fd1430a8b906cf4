import { appEngine } from "./app-engine";
import { forgetOldInstances, GONE_AFTER_MS, goneInstances, HEARTBEAT_MS, heartbeat } from "./db/instances";
import { startStorageSweeper } from "./db/retention";
import { markInterruptedRuns } from "./db/runs";
import { pruneShared } from "./db/shared-limits";
import { log } from "./log";
import { installUpgradeHandler } from "./ws/upgrade";

/**
 * Start-up: this instance says it is alive (a heartbeat every few seconds, in the shared
 * database), its own runs left "running" by an earlier life are marked "interrupted" (and, from
 * then on, those of any instance whose heartbeat stops), the storage retention sweep starts,
 * then the engine starts (its reaper removes this instance's leftovers at once and those of gone
 * instances as it learns of them) and the warm pool fills for the configured languages.
 */
export async function onServerStart(): Promise<void> {
  const startedAt = new Date();
  const engine = appEngine();
  const instanceId = engine.config.instanceId;
  try {
    await heartbeat(instanceId, startedAt);
    const interrupted = await markInterruptedRuns(startedAt, { instanceId, goneInstances: await goneInstances() });
    if (interrupted > 0) log.warn({ interrupted }, "marked runs interrupted by the last shutdown");
    // Its earlier life's runs are over: so are the runs-at-once holds they kept.
    await pruneShared([], { instanceId, before: startedAt });
  } catch (err) {
    log.error({ err }, "could not check for interrupted runs");
  }
  let beats = 0;
  const timer = setInterval(() => {
    beats++;
    void (async () => {
      await heartbeat(instanceId, startedAt);
      // Every few beats: runs of instances that stopped beating are theirs no longer.
      if (beats % 3 !== 0) return;
      const gone = await goneInstances();
      await pruneShared(gone);
      if (gone.length === 0) return;
      const n = await markInterruptedRuns(new Date(0), { goneInstances: gone });
      if (n > 0) log.warn({ interrupted: n, instances: gone }, "marked runs of stopped instances interrupted");
      if (beats % 720 === 0) await forgetOldInstances();
    })().catch((err) => log.warn({ err }, "heartbeat failed"));
  }, HEARTBEAT_MS);
  timer.unref();
  // Retention: old API runs, caps and owner quotas, now and periodically (in the background).
  startStorageSweeper();
  engine.start();
  // WebSockets (the playground's terminal, /api/v2/connect, /api/v1/runs/connect) go through server.ts to here.
  installUpgradeHandler();
  log.info({ instance: instanceId, goneAfterMs: GONE_AFTER_MS }, "sandbox engine started");
  // Leave no warm container behind on a clean shutdown (the next start reaps them otherwise).
  const drain = () => void engine.shutdown();
  process.once("SIGTERM", drain);
  process.once("SIGINT", drain);
}
