import { describe, expect, it } from "vitest";
import { SandboxBusy } from "./errors";
import { Slots } from "./slots";

describe("Slots", () => {
  it("grants up to capacity, queues the next, and hands over on release", async () => {
    const slots = new Slots(1, 1, 10_000);
    const first = await slots.acquire();
    let second: (() => void) | undefined;
    const waiting = slots.acquire().then((r) => {
      second = r;
    });
    expect(slots.stats).toMatchObject({ active: 1, queued: 1 });
    await expect(slots.acquire()).rejects.toBeInstanceOf(SandboxBusy);
    first();
    await waiting;
    expect(second).toBeTypeOf("function");
    second?.();
    expect(slots.stats).toMatchObject({ active: 0, queued: 0 });
  });

  it("gives up with SandboxBusy after the queue timeout", async () => {
    const slots = new Slots(1, 5, 20);
    const held = await slots.acquire();
    await expect(slots.acquire()).rejects.toBeInstanceOf(SandboxBusy);
    held();
  });

  it("leaves the queue when the caller aborts", async () => {
    const slots = new Slots(1, 5, 10_000);
    const held = await slots.acquire();
    const ctrl = new AbortController();
    const waiting = slots.acquire(ctrl.signal);
    ctrl.abort(new Error("stop"));
    await expect(waiting).rejects.toThrow("stop");
    expect(slots.stats.queued).toBe(0);
    held();
  });
});
