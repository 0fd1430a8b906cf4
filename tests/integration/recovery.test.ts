/**
 * Reliability: a server killed mid-run recovers at its next start (the run is marked
 * "interrupted", its container reaped), and a Docker outage is a clear 503 that heals when
 * the engine is back. Uses the production build (npm test builds before integration tests).
 */
import { type ChildProcess, execSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { POST as createRun } from "@/app/api/v1/runs/route";
import { db } from "@/lib/db/client";
import { sandboxContainers } from "./helpers";

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
        (await sandboxContainers()).some((c) => c.Labels["runbox.run"] === row.id),
      );
      // The server dies mid-run: nothing gets to clean up.
      process.kill(-(first.pid as number), "SIGKILL");
      await sleep(500);
      expect((await client.run.findUnique({ where: { id: row.id } }))?.status).toBe("running");
      expect((await sandboxContainers()).some((c) => c.Labels["runbox.run"] === row.id)).toBe(true);

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
          async () => !(await sandboxContainers()).some((c) => c.Labels["runbox.run"] === row.id),
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
  const dockerOk = () => {
    try {
      execSync("docker info", { stdio: "ignore", timeout: 10_000 });
      return true;
    } catch {
      return false;
    }
  };
  const isRoot = process.getuid?.() === 0;
  const running = (name: string) => {
    try {
      execSync(`pgrep -x ${name}`, { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  };
  /** Start dockerd again as npm test's set-up does (background, log in .runbox/), retrying once. */
  async function startDockerd() {
    for (let attempt = 0; attempt < 2 && !dockerOk(); attempt++) {
      if (!running("dockerd")) fs.rmSync("/var/run/docker.pid", { force: true });
      const log = fs.openSync(path.join(ROOT, ".runbox/dockerd.log"), "a");
      spawn("dockerd", [], { detached: true, stdio: ["ignore", log, log] }).unref();
      await until("dockerd to start", async () => dockerOk(), 45_000).catch(() => undefined);
    }
    expect(dockerOk()).toBe(true);
  }

  it.runIf(isRoot)("answers 503 while the engine is down and works again when it is back", async () => {
    execSync("pkill -x dockerd");
    await until("dockerd to stop", async () => !dockerOk());
    // Wait for the process itself to exit too: it removes its pid file last.
    await until("the dockerd process to exit", async () => !running("dockerd"));
    try {
      const h = await health();
      expect(h.status).toBe(503);
      expect((await h.json()).docker.ok).toBe(false);
      const run = await createRun(
        new Request("http://127.0.0.1/api/v1/runs", {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": "10.8.8.8" },
          body: JSON.stringify({ language: "python", files: [{ content: "print(1)" }] }),
        }),
      );
      expect(run.status).toBe(503);
      expect((await run.json()).error.message).toMatch(/Docker engine is not reachable/);
    } finally {
      await startDockerd();
    }
    const h = await until("health", async () => ((await health()).status === 200 ? true : undefined));
    expect(h).toBe(true);
    const again = await createRun(
      new Request("http://127.0.0.1/api/v1/runs", {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": "10.8.8.9" },
        body: JSON.stringify({ language: "python", files: [{ content: "print('back')" }] }),
      }),
    );
    expect((await again.json()).run.stdout).toBe("back\n");
  });
});
