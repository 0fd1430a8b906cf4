import { log } from "../log";
import { LABEL } from "./container-spec";
import { docker } from "./docker";

/**
 * Remove labelled sandbox containers whose deadline has passed (or, with `all`, every one):
 * leftovers of a crash or restart. Returns how many were removed. Never throws.
 */
export async function reapContainers(opts: { all?: boolean; now?: number; runPrefix?: string } = {}): Promise<number> {
  const now = opts.now ?? Date.now();
  let removed = 0;
  try {
    const list = await docker().listContainers({ all: true, filters: { label: [`${LABEL.app}=1`] } });
    for (const info of list) {
      const deadline = Number(info.Labels?.[LABEL.deadline] ?? 0);
      if (!opts.all && deadline > now) continue;
      if (opts.runPrefix && !info.Labels?.[LABEL.run]?.startsWith(opts.runPrefix)) continue;
      try {
        await docker().getContainer(info.Id).remove({ force: true, v: true });
        removed++;
      } catch {
        // Gone already, or being removed by its own run.
      }
    }
    // Work-dir volumes are removed with their container; this catches any that were not.
    await docker().pruneVolumes({ filters: { label: [`${LABEL.app}=1`] } });
  } catch (err) {
    log.warn({ err }, "reaper could not list sandbox containers");
  }
  if (removed > 0) log.info({ removed }, "reaped leftover sandbox containers");
  return removed;
}

const g = globalThis as typeof globalThis & { __runboxReaper?: NodeJS.Timeout };

/** Sweep once now and then every `intervalMs`, once per process. */
export function startReaper(intervalMs = 60_000): void {
  if (g.__runboxReaper) return;
  void reapContainers();
  g.__runboxReaper = setInterval(() => void reapContainers(), intervalMs);
  g.__runboxReaper.unref();
}
