import { env } from "../env";
import { Slots } from "./slots";

// Process-wide engine state lives on globalThis so that Next.js dev reloads (which
// re-evaluate modules) do not create a second queue next to the first.
const g = globalThis as typeof globalThis & { __runboxSlots?: Slots };

/** The global concurrency gate shared by every caller in this process. */
export function slots(): Slots {
  if (!g.__runboxSlots) {
    const e = env();
    g.__runboxSlots = new Slots(e.RUNBOX_MAX_CONCURRENCY, e.RUNBOX_QUEUE_LIMIT, e.RUNBOX_QUEUE_TIMEOUT_MS);
  }
  return g.__runboxSlots;
}
