import { describe, expect, it } from "vitest";
import { containerSpec } from "./container-spec";
import { Reaper } from "./reaper";
import { FakeBackend } from "./testing/fake-backend";

const spec = (instanceId: string, deadline: number, runId = "r") =>
  containerSpec({
    image: "img",
    runId,
    instanceId,
    deadline,
    memoryMb: 64,
    cpus: 1,
    pids: 16,
    tmpMb: 8,
    nofile: 64,
    network: false,
    runtime: "",
  });

describe("Reaper", () => {
  const now = 1_000_000;

  it("removes only its own unused containers, others' past their deadline, and those of gone instances", async () => {
    let clock = now - 60_000;
    const backend = new FakeBackend(() => clock);
    const { id: oldOwn } = await backend.open(spec("me", now + 60_000));
    clock = now;
    const { id: ownInUse } = await backend.open(spec("me", now + 60_000));
    const { id: ownStarting } = await backend.open(spec("me", now + 60_000));
    const { id: othersLive } = await backend.open(spec("other", now + 60_000));
    const { id: othersExpired } = await backend.open(spec("other", now - 1));
    const { id: goneInstance } = await backend.open(spec("dead", now + 60_000));
    const reaper = new Reaper(backend, {
      instanceId: "me",
      startedAt: now - 30_000,
      inUse: () => new Set([ownInUse]),
      isInstanceGone: async (id) => id === "dead",
      now: () => now,
    });
    expect(await reaper.sweep()).toBe(3);
    expect(backend.removed.sort()).toEqual([oldOwn, othersExpired, goneInstance].sort());
    // A container this process is starting right now (not yet in use) is left alone...
    expect(backend.containers.has(ownStarting)).toBe(true);
    // ...and another live instance's container is never touched.
    expect(backend.containers.has(othersLive)).toBe(true);
  });

  it("treats instances it knows nothing about as alive until their containers' deadlines", async () => {
    const backend = new FakeBackend(() => now);
    await backend.open(spec("stranger", now + 1000));
    const reaper = new Reaper(backend, { instanceId: "me", startedAt: now, inUse: () => new Set(), now: () => now });
    expect(await reaper.sweep()).toBe(0);
    const later = new Reaper(backend, {
      instanceId: "me",
      startedAt: now,
      inUse: () => new Set(),
      now: () => now + 2000,
    });
    expect(await later.sweep()).toBe(1);
  });

  it("after an outage, removes its own containers from before it that nothing uses any more", async () => {
    let clock = now - 10_000;
    const backend = new FakeBackend(() => clock);
    const { id: abandoned } = await backend.open(spec("me", now + 60_000));
    const { id: stillInUse } = await backend.open(spec("me", now + 60_000));
    clock = now;
    const { id: startingNow } = await backend.open(spec("me", now + 60_000));
    const reaper = new Reaper(backend, {
      instanceId: "me",
      startedAt: now - 30_000,
      inUse: () => new Set([stillInUse]),
      now: () => now,
    });
    // Without the outage they are too young to be leftovers.
    expect(await reaper.sweep()).toBe(0);
    expect(await reaper.sweep(now - 5_000)).toBe(1);
    expect(backend.removed).toEqual([abandoned]);
    expect(backend.containers.has(startingNow)).toBe(true);
  });
});
