import { env } from "../env";
import { WarmPool } from "./pool";
import { Slots } from "./slots";

// Process-wide engine state lives on globalThis so that Next.js dev reloads (which
// re-evaluate modules) do not create a second queue or pool next to the first.
const g = globalThis as typeof globalThis & { __runboxSlots?: Slots; __runboxPool?: WarmPool };

/** The global concurrency gate shared by every caller in this process. */
export function slots(): Slots {
  if (!g.__runboxSlots) {
    const e = env();
    g.__runboxSlots = new Slots(e.RUNBOX_MAX_CONCURRENCY, e.RUNBOX_QUEUE_LIMIT, e.RUNBOX_QUEUE_TIMEOUT_MS);
  }
  return g.__runboxSlots;
}

/** The warm container pool of this process. */
export function pool(): WarmPool {
  if (!g.__runboxPool) {
    const e = env();
    g.__runboxPool = new WarmPool({
      perLanguage: e.RUNBOX_POOL_SIZE,
      memoryBudgetMb: e.RUNBOX_POOL_MEMORY_MB,
      idleMs: e.RUNBOX_POOL_IDLE_MS,
      maxAgeMs: e.RUNBOX_POOL_MAX_AGE_MS,
      // Start containers only while a slot is free and nobody waits: runs come first.
      canRefill: () => {
        const s = slots().stats;
        return s.active < s.capacity && s.queued === 0;
      },
    });
    g.__runboxPool.start();
  }
  return g.__runboxPool;
}
