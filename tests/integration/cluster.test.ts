/**
 * Runbox on several machines, on one: two instances (server.ts, as npm start serves it) sharing
 * the test PostgreSQL and two Docker engines of their own. Runs spread over instances and engines;
 * an engine killed mid-load ends its runs as internal errors within their deadline while the other
 * takes over; a run started through one instance is followed, typed into and stopped through the
 * other; an instance killed mid-run leaves runs that the other marks "interrupted" and containers
 * it reaps; nothing is left on either engine. PostgreSQL only (instances cannot share SQLite).
 */
import Docker from "dockerode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { databaseProvider, databaseUrl } from "@/lib/db/database-url";
import { LABEL } from "@/lib/sandbox/container-spec";
import { engine } from "../support/engine";
import { copyImages, type ExtraEngine, extraEngine } from "../support/extra-engine";
import { TestSocket } from "../support/ws-client";
import { callAction, startServer, type TestServer } from "./server-process";

const onPostgres = databaseProvider(databaseUrl()) === "postgresql";
const isRoot = process.getuid?.() === 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

const RUN_TIMEOUT_MS = 8_000;
const bash = (content: string) => ({ language: "bash", files: [{ name: "main.sh", content }] });
interface RunAnswer {
  id: string;
  status: string;
  message?: string;
  run?: { stdout: string };
}

async function post(base: string, body: unknown): Promise<{ status: number; body: RunAnswer }> {
  const res = await fetch(`${base}/api/v1/runs`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as RunAnswer };
}

interface EngineStats {
  id: string;
  state: string;
  load: number;
  runs: number;
}
async function engines(base: string): Promise<EngineStats[]> {
  return ((await (await fetch(`${base}/api/health`)).json()) as { engines: EngineStats[] }).engines;
}

/** Every Runbox container on an engine, running or not. */
const containersOn = (e: ExtraEngine) =>
  new Docker({ socketPath: e.socketPath }).listContainers({ all: true, filters: { label: [`${LABEL.app}=1`] } });

/** `n` requests, at most `width` at a time. */
async function inParallel<T>(n: number, width: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await fn(i);
      }
    }),
  );
  return out;
}

describe.runIf(onPostgres && isRoot)("a cluster: two instances, two Docker engines, one PostgreSQL", () => {
  const a = extraEngine("cluster-test-a");
  const b = extraEngine("cluster-test-b");
  let one: TestServer;
  let two: TestServer;
  const settings = () => ({
    RUNBOX_DOCKER_HOSTS: `${a.host}=3,${b.host}=3`,
    RUNBOX_POOL_PREWARM: "bash",
    RUNBOX_RUN_TIMEOUT_MS: String(RUN_TIMEOUT_MS),
    RUNBOX_RATE_LIMIT_PER_MINUTE: "100000",
    RUNBOX_PAGE_RATE_LIMIT_PER_MINUTE: "100000",
    RUNBOX_MAX_RUNS_PER_CLIENT: "64",
    DATABASE_URL: databaseUrl(),
  });

  beforeAll(async () => {
    await Promise.all([a.start(), b.start()]);
    const image = engine().images().bash?.image ?? "";
    copyImages(a, [image]);
    copyImages(b, [image]);
    [one, two] = await Promise.all([
      startServer({ ...settings(), RUNBOX_INSTANCE_ID: "cluster-one" }),
      startServer({ ...settings(), RUNBOX_INSTANCE_ID: "cluster-two" }),
    ]);
  }, 600_000);

  afterAll(async () => {
    await Promise.allSettled([one?.stop(), two?.stop()]);
    // A clean shutdown leaves nothing behind, and earlier steps' leftovers were reaped.
    const left = [...(await containersOn(a).catch(() => [])), ...(await containersOn(b).catch(() => []))];
    await Promise.allSettled([a.stop(), b.stop()]);
    expect(left.map((c) => c.Labels[LABEL.run])).toEqual([]);
  }, 120_000);

  it("spreads 60 runs over both instances and both engines, and records each", async () => {
    const before = [...(await engines(one.base)), ...(await engines(two.base))].reduce((n, e) => n + e.runs, 0);
    const t0 = performance.now();
    const answers = await inParallel(60, 8, (i) => post(i % 2 ? one.base : two.base, bash(`echo run-${i}`)));
    const seconds = (performance.now() - t0) / 1000;
    expect(answers.map((a) => a.status)).toEqual(new Array(60).fill(200));
    expect(answers.map((a) => a.body.run?.stdout)).toEqual(answers.map((_, i) => `run-${i}\n`));
    const rows = await (await db()).run.findMany({
      where: { id: { in: answers.map((a) => a.body.id) } },
      select: { status: true, instanceId: true },
    });
    expect(rows.map((r) => r.status)).toEqual(new Array(60).fill("ok"));
    expect(new Set(rows.map((r) => r.instanceId))).toEqual(new Set(["cluster-one", "cluster-two"]));
    // Runs placed per engine, both instances together.
    const perEngine = new Map<string, number>();
    for (const e of [...(await engines(one.base)), ...(await engines(two.base))])
      perEngine.set(e.id, (perEngine.get(e.id) ?? 0) + e.runs);
    expect([...perEngine.values()].reduce((x, y) => x + y, 0) - before).toBe(60);
    for (const n of perEngine.values()) expect(n).toBeGreaterThan(5);
    console.log(
      `[cluster] 60 runs in ${seconds.toFixed(1)} s; per engine: ${JSON.stringify(Object.fromEntries(perEngine))}`,
    );
  });

  it("follows, types into and stops a run through the other instance", async () => {
    // Started through instance one as the playground starts it (its terminal), typed into through two.
    const typed = await callAction(one.base, "/", "startRun", [
      bash('read -r name; echo "hello, $name"'),
      { terminal: { rows: 24, cols: 80 } },
    ]);
    const cookie = typed.cookie ?? "";
    const { id: typedId } = typed.result as { id: string };
    const socket = await TestSocket.open(`${two.base.replace("http", "ws")}/api/runs/${typedId}/terminal`, {
      headers: { cookie },
      origin: two.base,
    });
    socket.send({ type: "input", data: "Ana\r" });
    const done = (await socket.until((m) => m.type === "done")) as unknown as { result: { status: string } };
    expect(done.result.status).toBe("ok");
    const out = socket.messages
      .filter((m) => m.type === "output")
      .map((m) => m.text)
      .join("");
    expect(out).toContain("hello, Ana");

    // A long run started through one: its events followed through two, then stopped through two.
    const started = await callAction(one.base, "/", "startRun", [bash("echo ready; sleep 60")], { cookie });
    const { id } = started.result as { id: string };
    const events = await fetch(`${two.base}/api/runs/${id}/events`, { headers: { cookie } });
    const reader = events.body?.getReader();
    let seen = "";
    const read = async (what: RegExp) => {
      while (reader && !what.test(seen)) {
        const { value, done } = await reader.read();
        if (done) break;
        seen += new TextDecoder().decode(value);
      }
      return what.test(seen);
    };
    expect(await read(/ready/)).toBe(true);
    // Someone else's cookie cannot stop it, from either instance.
    const stranger = await fetch(`${two.base}/api/runs/${id}/stop`, { method: "POST", headers: { origin: two.base } });
    expect(stranger.status).toBe(404);
    const t0 = performance.now();
    const stop = await fetch(`${two.base}/api/runs/${id}/stop`, {
      method: "POST",
      headers: { cookie, origin: two.base },
    });
    expect(await stop.json()).toEqual({ stopped: true });
    expect(await read(/"type":"done"/)).toBe(true);
    expect(seen).toContain('"status":"stopped"');
    const stoppedMs = performance.now() - t0;
    expect((await (await db()).run.findUnique({ where: { id } }))?.status).toBe("stopped");
    console.log(`[cluster] stop through the other instance: ${stoppedMs.toFixed(0)} ms to the final event`);
  });

  it("ends the runs of a killed engine as internal errors in time, while the other engine takes over", async () => {
    const t0 = performance.now();
    const inFlight = Array.from({ length: 6 }, (_, i) =>
      post(i % 2 ? one.base : two.base, bash("echo started; sleep 4; echo finished")).then((r) => ({
        ...r,
        ms: performance.now() - t0,
      })),
    );
    // Killed while programs run there: both instances have placed runs on it.
    await until("runs placed on engine a", async () => {
      const onA = [...(await engines(one.base)), ...(await engines(two.base))].filter((e) => e.id.includes("test-a"));
      return onA.reduce((n, e) => n + e.load, 0) >= 2;
    });
    await sleep(500);
    await a.stop("SIGKILL");
    const killedAt = performance.now();
    const answers = await Promise.all(inFlight);
    const statuses = answers.map((x) => x.body.status);
    expect(statuses).toContain("internal_error");
    expect(statuses).toContain("ok");
    for (const x of answers) {
      expect(["ok", "internal_error"]).toContain(x.body.status);
      // Never hung: each answered within its own deadline (plus the time to start).
      expect(x.ms).toBeLessThan(RUN_TIMEOUT_MS + 10_000);
      if (x.body.status === "internal_error") expect(x.body.message).toMatch(/Docker engine/i);
    }
    // Later runs succeed, on the engine still up.
    const later = await inParallel(10, 4, (i) => post(i % 2 ? one.base : two.base, bash("echo later")));
    expect(later.map((x) => x.body.status)).toEqual(new Array(10).fill("ok"));
    const failoverMs = performance.now() - killedAt;
    // Health checks take it out of service on both instances (and /api/health says so).
    for (const base of [one.base, two.base])
      await until("engine a marked down", async () =>
        (await engines(base)).some((e) => e.id.includes("cluster-test-a") && e.state === "down"),
      );
    const downMs = performance.now() - killedAt;
    console.log(
      `[cluster] engine killed: ${statuses.filter((s) => s === "internal_error").length} runs ended as internal_error, ` +
        `${statuses.filter((s) => s === "ok").length} finished on the other; 10 later runs done ${failoverMs.toFixed(0)} ms after the kill; ` +
        `marked down on both instances after ${downMs.toFixed(0)} ms`,
    );
    // Back: both instances use it again, and reap what the kill left there.
    await a.start();
    for (const base of [one.base, two.base])
      await until("engine a back in service", async () => (await engines(base)).every((e) => e.state === "up"));
    await until("engine a cleaned", async () =>
      (await containersOn(a)).every((c) => c.Labels[LABEL.run]?.startsWith("pool-")),
    );
  });

  it("marks the runs of a killed instance interrupted and reaps its containers from the other", async () => {
    await a.start(); // (back already, unless the test before failed)
    const doomed = await startServer({ ...settings(), RUNBOX_INSTANCE_ID: "cluster-doomed", RUNBOX_POOL_SIZE: "0" });
    const since = new Date();
    void post(doomed.base, bash("echo going; sleep 60")).catch(() => {});
    const row = await until("the doomed run", async () =>
      (await db()).run.findFirst({
        where: { instanceId: "cluster-doomed", status: "running", createdAt: { gte: since } },
      }),
    );
    const killedAt = performance.now();
    await doomed.kill();
    const after = await until(
      "the run marked interrupted",
      async () => {
        const r = await (await db()).run.findUnique({ where: { id: row.id } });
        return r?.status === "interrupted" ? r : null;
      },
      90_000,
    );
    expect(after.message).toMatch(/server stopped/);
    const interruptedMs = performance.now() - killedAt;
    await until(
      "its container reaped",
      async () => ![...(await containersOn(a)), ...(await containersOn(b))].some((c) => c.Labels[LABEL.run] === row.id),
      90_000,
    );
    console.log(
      `[cluster] instance killed: its run interrupted after ${(interruptedMs / 1000).toFixed(1)} s, container reaped after ${((performance.now() - killedAt) / 1000).toFixed(1)} s`,
    );
    // The live instances' own containers were never touched meanwhile.
    expect((await post(one.base, bash("echo still here"))).body.status).toBe("ok");
  });
});
