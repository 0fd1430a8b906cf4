import { describe, expect, it } from "vitest";
import type { Engine } from "../sandbox";
import { claimQueuePlace } from "./queue-places";

const engineWith = (stats: { active: number; queued: number; capacity: number; queueLimit: number }) =>
  ({ slots: { stats } }) as unknown as Engine;

describe("claimQueuePlace", () => {
  it("counts claims not yet seen by the engine, so a burst cannot overbook the queue", () => {
    const engine = engineWith({ active: 0, queued: 0, capacity: 2, queueLimit: 2 });
    const claims = Array.from({ length: 6 }, () => claimQueuePlace(engine));
    expect(claims.map(Boolean)).toEqual([true, true, true, true, false, false]);
    // Settling twice frees one place, not two.
    claims[0]?.();
    claims[0]?.();
    expect(claimQueuePlace(engine)).toBeDefined();
    expect(claimQueuePlace(engine)).toBeUndefined();
  });

  it("counts what the engine already runs and queues", () => {
    expect(claimQueuePlace(engineWith({ active: 2, queued: 1, capacity: 2, queueLimit: 2 }))).toBeDefined();
    expect(claimQueuePlace(engineWith({ active: 2, queued: 2, capacity: 2, queueLimit: 2 }))).toBeUndefined();
  });
});
