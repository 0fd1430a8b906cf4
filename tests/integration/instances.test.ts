/**
 * Instance identity: two Runbox servers on one Docker engine never remove each other's
 * containers (before, each one's start-up swept every labelled container away).
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LABEL } from "@/lib/sandbox/container-spec";
import { engine } from "../support/engine";
import { allSandboxContainers } from "./helpers";

const ROOT = path.resolve(__dirname, "../..");
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

function startServer(port: number, instanceId: string): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: String(port),
      RUNBOX_INSTANCE_ID: instanceId,
      RUNBOX_POOL_SIZE: "1",
      RUNBOX_POOL_PREWARM: "python",
      LOG_LEVEL: "warn",
    },
    stdio: "ignore",
    detached: true,
  });
}

const stop = (p: ChildProcess) => {
  try {
    process.kill(-(p.pid as number), "SIGTERM");
  } catch {
    // already gone
  }
};

describe("two instances on one Docker engine", () => {
  it("leave each other's running and warm containers alone", async () => {
    const a = startServer(3420, "test-instance-a");
    let b: ChildProcess | undefined;
    try {
      await until("server A", async () => (await fetch("http://127.0.0.1:3420/api/health")).ok);
      const ofA = async () =>
        (await allSandboxContainers()).filter((c) => c.labels[LABEL.instance] === "test-instance-a");
      // A's warm container, then a run of A's that takes a while.
      await until("A's warm container", async () => (await ofA()).length >= 1);
      void fetch("http://127.0.0.1:3420/api/v1/runs", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          language: "python",
          // Long enough to be running whatever the machine's load; the test never waits for it.
          files: [{ content: "import time\ntime.sleep(60)" }],
          limits: { timeoutMs: 30_000 },
        }),
      }).catch(() => {});
      await until("A's run to be running", async () => {
        const h = (await (await fetch("http://127.0.0.1:3420/api/health")).json()) as { running: number };
        return h.running >= 1;
      });
      const beforeB = (await ofA()).map((c) => c.id);

      // B starts on the same engine: its start-up sweep runs now.
      b = startServer(3421, "test-instance-b");
      await until("server B", async () => (await fetch("http://127.0.0.1:3421/api/health")).ok);
      await sleep(1500);
      const afterB = (await ofA()).map((c) => c.id);
      for (const id of beforeB) expect(afterB).toContain(id);
    } finally {
      stop(a);
      if (b) stop(b);
    }
    // Hygiene: whatever the stopped servers left is this test's to remove.
    await sleep(500);
    for (const c of await allSandboxContainers()) {
      if ((c.labels[LABEL.instance] ?? "").startsWith("test-instance-")) await engine().backend.remove(c.id);
    }
  });
});
