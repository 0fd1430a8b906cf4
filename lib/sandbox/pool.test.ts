import { describe, expect, it } from "vitest";
import { Engine } from "./engine";
import { testEngineConfig } from "./testing/config";
import { FakeBackend } from "./testing/fake-backend";

const py = { language: "python", files: [{ name: "main.py", content: "print(1)" }] };

function setup(pool: Partial<ReturnType<typeof testEngineConfig>["pool"]> = {}) {
  const backend = new FakeBackend();
  const base = testEngineConfig();
  const engine = new Engine({ ...base, pool: { ...base.pool, ...pool } }, backend);
  const run = (input: object = py) => engine.execute(engine.parse(input));
  return { engine, backend, run };
}

async function settle(engine: Engine) {
  for (let i = 0; i < 10; i++) await engine.pool.settled;
}

describe("warm pool policy", () => {
  it("keeps a prewarmed spec warm and serves a run from it, never reusing a container", async () => {
    const { engine, backend, run } = setup();
    engine.pool.prewarm(engine.defaultSpec("python"));
    await settle(engine);
    const [warm] = engine.pool.idleIds();
    expect(warm).toBeDefined();
    await run();
    expect(engine.pool.counters.hits).toBe(1);
    await engine.removals.settle();
    expect(backend.removed).toContain(warm);
    await settle(engine);
    expect(engine.pool.idleIds()).not.toContain(warm);
    expect(engine.pool.idleIds()).toHaveLength(1);
  });

  it("pools a spec only once it is asked for repeatedly, and at most maxSpecs of them", async () => {
    const { engine, run } = setup({ minDemand: 2, maxSpecs: 2 });
    await run({ ...py, limits: { memoryMb: 100 } });
    await settle(engine);
    expect(engine.pool.stats().warm).toBe(0);
    await run({ ...py, limits: { memoryMb: 100 } });
    await settle(engine);
    expect(engine.pool.stats().warm).toBe(1);
    // Two more distinct limit combinations in demand: only the two most recent stay warm.
    for (const memoryMb of [101, 102]) {
      await run({ ...py, limits: { memoryMb } });
      await run({ ...py, limits: { memoryMb } });
    }
    await settle(engine);
    expect(engine.pool.stats().specs).toBe(2);
    expect(engine.pool.stats().warm).toBeLessThanOrEqual(2);
  });

  it("grows a busy spec's pool when runs miss it, up to maxPerSpec", async () => {
    const { engine, run } = setup({ perSpec: 1, maxPerSpec: 3 });
    engine.pool.prewarm(engine.defaultSpec("python"));
    // Three runs at once: the first takes the warm one, the others miss.
    await Promise.all([run(), run(), run()]);
    await settle(engine);
    expect(engine.pool.stats().warm).toBe(3);
  });

  it("never retries a spec Docker refused, but retries after an outage", async () => {
    const { engine, backend } = setup();
    backend.failNext = { kind: "refused", times: 1 };
    engine.pool.prewarm(engine.defaultSpec("python"));
    await settle(engine);
    engine.pool.kick();
    await settle(engine);
    expect(backend.opened).toBe(0);
    expect(engine.pool.stats().failed).toBe(1);

    const other = setup();
    other.backend.failNext = { kind: "down", times: 1 };
    other.engine.pool.prewarm(other.engine.defaultSpec("python"));
    await settle(other.engine);
    other.engine.pool.kick();
    await settle(other.engine);
    expect(other.backend.opened).toBe(1);
  });

  it("keeps idle memory within its budget", async () => {
    const { engine } = setup({ perSpec: 5, maxPerSpec: 5, memoryBudgetMb: 600 });
    engine.pool.prewarm(engine.defaultSpec("python"));
    await settle(engine);
    expect(engine.pool.stats().warm).toBe(2);
    expect(engine.pool.stats().idleMemoryMb).toBeLessThanOrEqual(600);
  });
});
