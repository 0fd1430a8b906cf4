import { describe, expect, it } from "vitest";
import { Engine } from "./engine";
import { SandboxFault } from "./errors";
import { testEngineConfig } from "./testing/config";
import { FakeBackend, runnerFrame } from "./testing/fake-backend";

const py = { language: "python", files: [{ name: "main.py", content: "print(1)" }] };

function twoHosts() {
  const a = new FakeBackend();
  const b = new FakeBackend();
  const base = testEngineConfig();
  const engine = new Engine({
    ...base,
    pool: { ...base.pool, perSpec: 0 },
    hosts: [
      { id: "a", capacity: 1, backend: a },
      { id: "b", capacity: 1, backend: b },
    ],
  });
  return { engine, a, b, run: () => engine.execute(engine.parse(py)) };
}

/** Hold every job until released (a program that runs for a while). */
function hold(backend: FakeBackend) {
  const waiting: (() => void)[] = [];
  backend.answer = () => {
    waiting.push(() => {});
    return [runnerFrame("b", 0)];
  };
  return waiting;
}

describe("several Docker engines", () => {
  it("spreads runs over the engines by free capacity, and sums their capacity", async () => {
    const { engine, a, b, run } = twoHosts();
    expect(engine.slots.stats.capacity).toBe(2);
    await Promise.all([run(), run()]);
    expect(a.opened).toBe(1);
    expect(b.opened).toBe(1);
  });

  it("sends runs only to an engine that has the image", async () => {
    const { a, b, run } = twoHosts();
    a.images = new Set();
    await run();
    await run();
    expect(a.opened).toBe(0);
    expect(b.opened).toBe(2);
  });

  it("takes an engine that stops answering out: its runs end as internal errors, new runs go elsewhere", async () => {
    const { engine, a, b, run } = twoHosts();
    hold(a);
    hold(b);
    const first = run().catch((e) => e);
    const second = run().catch((e) => e);
    await new Promise((r) => setTimeout(r, 20));
    a.down = true;
    await engine.checkHosts();
    await engine.checkHosts();
    const outcomes = await Promise.race([
      Promise.any([first, second]),
      new Promise((r) => setTimeout(() => r("hung"), 2000)),
    ]);
    expect(outcomes).toBeInstanceOf(SandboxFault);
    expect((outcomes as Error).message).toMatch(/stopped answering/);
    expect(engine.stats().engines.map((e) => [e.id, e.state])).toEqual([
      ["a", "down"],
      ["b", "up"],
    ]);
    expect(engine.slots.stats.capacity).toBe(1);
    // Back: b answers the held job, a answers again and is used again.
    b.answer = () => [runnerFrame("b", 0), runnerFrame("r", 0, "exit=0 signal=0"), runnerFrame("d", 0)];
    a.down = false;
    await engine.checkHosts();
    expect(engine.stats().engines.map((e) => e.state)).toEqual(["up", "up"]);
    expect(engine.slots.stats.capacity).toBe(2);
    await engine.shutdown();
  });
});
