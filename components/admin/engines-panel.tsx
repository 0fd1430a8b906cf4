import { MUTED } from "@/components/ui/styles";
import type { Engine } from "@/lib/sandbox";

type Stats = ReturnType<Engine["stats"]>;

const CELL = "border-b border-zinc-200 px-2 py-1 text-left dark:border-zinc-800";

/** Run slots and the queue, then each Docker engine: state, load, warm pool. */
export function EnginesPanel({ stats, instance }: { stats: Stats; instance: string }) {
  const { queue } = stats;
  return (
    <div className="flex flex-col gap-3">
      <p data-testid="admin-queue">
        <strong>{queue.active}</strong> of {queue.capacity} run slots in use · <strong>{queue.queued}</strong> waiting
        (at most {queue.queueLimit}) · instance <code>{instance}</code>
      </p>
      <div className="overflow-x-auto">
        <table className="w-full text-sm" data-testid="admin-engines">
          <thead>
            <tr>
              {[
                "Engine",
                "State",
                "Docker",
                "Load",
                "Warm",
                "Pool hits / misses",
                "Create failures",
                "Reaper failures",
              ].map((h) => (
                <th key={h} scope="col" className={`${CELL} font-semibold`}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {stats.engines.map((e) => (
              <tr key={e.id} data-testid="admin-engine-row" data-state={e.state}>
                <td className={`${CELL} font-mono`}>{e.id}</td>
                <td className={CELL}>
                  {e.state === "up" ? "up" : <span className="text-red-800 dark:text-red-300">down: {e.error}</span>}
                </td>
                <td className={CELL}>{e.version ?? "–"}</td>
                <td className={CELL}>
                  {e.load} / {e.capacity}
                </td>
                <td className={CELL}>
                  {e.pool.warm}
                  {Object.keys(e.pool.warmByImage).length > 0 && (
                    <span className={MUTED}>
                      {" "}
                      (
                      {Object.entries(e.pool.warmByImage)
                        .map(([image, n]) => `${image.replace(/^runbox-/, "").replace(/:.*/, "")} ${n}`)
                        .join(", ")}
                      )
                    </span>
                  )}
                </td>
                <td className={CELL}>
                  {e.pool.hits} / {e.pool.misses}
                </td>
                <td className={CELL}>{e.createFailures}</td>
                <td className={CELL}>{e.reaperFailures}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className={`text-xs ${MUTED}`}>
        Warm pool memory: {stats.pool.idleMemoryMb} of {stats.pool.memoryBudgetMb} MB · containers Docker failed to
        remove after a run: {stats.removeFailures}
      </p>
    </div>
  );
}
