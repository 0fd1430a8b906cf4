/**
 * The bus between instances: on SQLite (one process) the in-memory one, on PostgreSQL
 * LISTEN/NOTIFY, where two buses (two instances' connections) see each other's messages,
 * large ones included (NOTIFY carries at most 8000 bytes).
 */
import { describe, expect, it } from "vitest";
import { MemoryBus } from "@/lib/bus/bus";
import { databaseProvider, databaseUrl, postgresConnection } from "@/lib/db/database-url";

const onPostgres = databaseProvider(databaseUrl()) === "postgresql";

function received(bus: { subscribe(c: string, h: (m: unknown) => void): Promise<() => void> }, channel: string) {
  const got: unknown[] = [];
  return { got, ready: bus.subscribe(channel, (m) => got.push(m)) };
}

async function until(fn: () => boolean, ms = 10_000) {
  const end = Date.now() + ms;
  while (!fn() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
}

describe("the bus", () => {
  it("in one process: delivers a copy to each subscriber of the channel only", async () => {
    const bus = new MemoryBus();
    const a = received(bus, "run:1");
    const b = received(bus, "run:2");
    await Promise.all([a.ready, b.ready]);
    const message = { type: "output", text: "hi" };
    await bus.publish("run:1", message);
    await until(() => a.got.length > 0);
    expect(a.got).toEqual([message]);
    expect(a.got[0]).not.toBe(message);
    expect(b.got).toEqual([]);
  });

  it.runIf(onPostgres)("between two instances over PostgreSQL, a 100 KB message included", async () => {
    const { PostgresBus } = await import("@/lib/bus/postgres-bus");
    const one = new PostgresBus(postgresConnection(databaseUrl(), "bus-test-1"));
    const two = new PostgresBus(postgresConnection(databaseUrl(), "bus-test-2"));
    try {
      const sub = received(two, "run:x");
      await sub.ready;
      const big = { type: "output", text: "é→🚀".repeat(10_000) + "x".repeat(60_000) };
      await one.publish("run:x", { type: "stage", stage: "run" });
      await one.publish("run:x", big);
      await one.publish("other", { ignored: true });
      await until(() => sub.got.length >= 2);
      expect(sub.got).toEqual([{ type: "stage", stage: "run" }, big]);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });
});
