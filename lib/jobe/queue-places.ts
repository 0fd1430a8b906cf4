import type { Engine } from "../sandbox";

/**
 * Places in the engine's queue, claimed before a run is stored. A run is counted by the engine's
 * slots only once it asks for one, after its row is written; in a burst (a class submitting
 * together) every request would pass a check of the slots alone, write a row, and only then be
 * turned away. Counting the runs between this check and their first engine event as well turns
 * the surplus away at once: outcome 21 without a database write or a stored run.
 */
const pending = new WeakMap<Engine, number>();

/** A place for one run (call the result once the engine has seen the run, or it is over), or undefined when full. */
export function claimQueuePlace(engine: Engine): (() => void) | undefined {
  const { active, queued, capacity, queueLimit } = engine.slots.stats;
  const waiting = pending.get(engine) ?? 0;
  if (active + queued + waiting >= capacity + queueLimit) return undefined;
  pending.set(engine, waiting + 1);
  let settled = false;
  return () => {
    if (settled) return;
    settled = true;
    pending.set(engine, (pending.get(engine) ?? 1) - 1);
  };
}
