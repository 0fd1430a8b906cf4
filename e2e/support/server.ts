import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";

// The app directory to serve (E2E_APP_DIR: another checkout's build, e.g. to see a test fail before a fix).
const ROOT = process.env.E2E_APP_DIR ?? path.resolve(import.meta.dirname, "../..");
const state = process.env.RUNBOX_STATE_DIR ?? path.join(ROOT, ".runbox");

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export interface ExtraServer {
  base: string;
  stop(): Promise<void>;
}

/**
 * A second server of the same build with its own settings (Playwright cannot change the shared
 * server's environment), started as npm start does. Its own process group: stop() ends it all.
 */
export async function startExtraServer(settings: Record<string, string>): Promise<ExtraServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let stderr = "";
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: String(port),
      // The same state and database as the shared server (playwright.config.ts).
      RUNBOX_STATE_DIR: state,
      DATABASE_URL: process.env.DATABASE_URL ?? `file:${path.join(state, "test.db")}`,
      LOG_LEVEL: "warn",
      ...settings,
    },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  child.stderr?.on("data", (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null) return;
    process.kill(-(child.pid as number), "SIGTERM");
    const killer = setTimeout(() => process.kill(-(child.pid as number), "SIGKILL"), 15_000);
    await exited;
    clearTimeout(killer);
  };
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`the extra server exited: ${stderr}`);
    const up = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { base, stop };
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`the extra server did not come up: ${stderr}`);
}
