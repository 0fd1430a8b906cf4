/**
 * Reliability: a server killed mid-run recovers at its next start (the run is marked
 * "interrupted", its container reaped), and a Docker outage is a clear 503 that heals when
 * the engine is back. Uses the production build (npm test builds before integration tests).
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { POST as createRun } from "@/app/api/v1/runs/route";
import { appEngine, engineConfigFromEnv, provideEngine } from "@/lib/app-engine";
import { db } from "@/lib/db/client";
import { Engine } from "@/lib/sandbox";
import { copyImages, extraEngine } from "../support/extra-engine";
import { allSandboxContainers as sandboxContainers } from "./helpers";

const ROOT = path.resolve(__dirname, "../..");
const PORT = 3410;
const BASE = `http://127.0.0.1:${PORT}`;
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

function startServer(): ChildProcess {
  const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: ROOT,
    env: { ...process.env, HOST: "127.0.0.1", PORT: String(PORT), RUNBOX_POOL_SIZE: "0", LOG_LEVEL: "warn" },
    stdio: "ignore",
    detached: true, // its own process group, so the whole server can be killed at once
  });
  return server;
}

const up = () => until("the server", async () => (await fetch(`${BASE}/api/health`)).ok);

describe("restart recovery", () => {
  it("marks a run killed with its server as interrupted and reaps its container", async () => {
    expect(fs.existsSync(path.join(ROOT, ".next/BUILD_ID"))).toBe(true);
    const first = startServer();
    try {
      await up();
      const started = new Date();
      void fetch(`${BASE}/api/v1/runs`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          language: "python",
          files: [{ content: "import time\nprint('go', flush=True)\ntime.sleep(60)" }],
        }),
      }).catch(() => {});
      const client = await db();
      const row = await until("the run row", () =>
        client.run.findFirst({ where: { status: "running", source: "api", createdAt: { gte: started } } }),
      );
      await until("its container", async () =>
        (await sandboxContainers()).some((c) => c.labels["runbox.run"] === row.id),
      );
      // The server dies mid-run: nothing gets to clean up.
      process.kill(-(first.pid as number), "SIGKILL");
      await sleep(500);
      expect((await client.run.findUnique({ where: { id: row.id } }))?.status).toBe("running");
      expect((await sandboxContainers()).some((c) => c.labels["runbox.run"] === row.id)).toBe(true);

      const second = startServer();
      try {
        await up();
        const after = await until("recovery", async () => {
          const r = await client.run.findUnique({ where: { id: row.id } });
          return r?.status === "interrupted" ? r : undefined;
        });
        expect(after.message).toMatch(/server stopped/);
        await until(
          "the reaper",
          async () => !(await sandboxContainers()).some((c) => c.labels["runbox.run"] === row.id),
        );
      } finally {
        process.kill(-(second.pid as number), "SIGTERM");
      }
    } finally {
      try {
        process.kill(-(first.pid as number), "SIGKILL");
      } catch {
        // already gone
      }
    }
  });
});

describe("Docker outage", () => {
  // An engine of the test's own (the main one keeps serving the rest of the suite): the app
  // is pointed at it, then it is stopped and started again.
  const outage = extraEngine("outage");
  const isRoot = process.getuid?.() === 0;

  it.runIf(isRoot)("answers 503 while the engine is down and works again when it is back", async () => {
    await outage.start();
    const main = appEngine();
    copyImages(outage, [main.images().python?.image ?? ""]);
    const base = engineConfigFromEnv();
    const engine = new Engine({
      ...base,
      instanceId: `${base.instanceId}-outage`,
      docker: { socketPath: outage.socketPath },
    });
    provideEngine(engine);
    const run = (ip: string, code: string) =>
      createRun(
        new Request("http://127.0.0.1/api/v1/runs", {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": ip },
          body: JSON.stringify({ language: "python", files: [{ content: code }] }),
        }),
      );
    try {
      expect((await run("10.8.8.7", "print('up')")).status).toBe(200);
      await outage.stop();
      const h = await health();
      expect(h.status).toBe(503);
      expect((await h.json()).docker.ok).toBe(false);
      const down = await run("10.8.8.8", "print(1)");
      expect(down.status).toBe(503);
      expect((await down.json()).error.message).toMatch(/Docker engine is not reachable/);

      await outage.start();
      const back = await until("health", async () => ((await health()).status === 200 ? true : undefined));
      expect(back).toBe(true);
      const again = await run("10.8.8.9", "print('back')");
      expect((await again.json()).run.stdout).toBe("back\n");
    } finally {
      await engine.shutdown();
      provideEngine(main);
      await outage.stop();
    }
  });
});
