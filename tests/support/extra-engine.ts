/**
 * A second Docker engine on this machine, for tests that stop an engine (an outage) or need
 * several (scale-out) without touching the main one that the rest of the suite uses. Its own
 * data root, exec root, pid file and socket; images are copied from the main engine once.
 */
import { execSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

export interface ExtraEngine {
  name: string;
  /** unix:///run/runbox-<name>.sock */
  host: string;
  socketPath: string;
  start(): Promise<void>;
  /** Stop the daemon (SIGTERM, or SIGKILL for a crash) and wait for its process to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  running(): boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function extraEngine(name: string): ExtraEngine {
  const dataRoot = path.join(ROOT, ".runbox/engines", name);
  const socketPath = `/run/runbox-${name}.sock`;
  const pidFile = `/run/runbox-${name}.pid`;
  const host = `unix://${socketPath}`;
  const ok = () => {
    try {
      execSync("docker info", { stdio: "ignore", timeout: 10_000, env: { ...process.env, DOCKER_HOST: host } });
      return true;
    } catch {
      return false;
    }
  };
  const pid = () => {
    try {
      return Number(fs.readFileSync(pidFile, "utf8").trim()) || 0;
    } catch {
      return 0;
    }
  };
  const alive = (p: number) => {
    if (!p) return false;
    try {
      process.kill(p, 0);
      return true;
    } catch {
      return false;
    }
  };
  return {
    name,
    host,
    socketPath,
    running: () => alive(pid()),
    async start() {
      if (ok()) return;
      if (!alive(pid())) fs.rmSync(pidFile, { force: true });
      fs.mkdirSync(dataRoot, { recursive: true });
      const log = fs.openSync(path.join(ROOT, `.runbox/dockerd-${name}.log`), "a");
      spawn(
        "dockerd",
        [
          "--data-root",
          dataRoot,
          "--exec-root",
          `/run/runbox-${name}-exec`,
          "--pidfile",
          pidFile,
          "-H",
          host,
          "--bridge=none",
          "--iptables=false",
          "--ip6tables=false",
        ],
        { detached: true, stdio: ["ignore", log, log] },
      ).unref();
      for (let i = 0; i < 120 && !ok(); i++) await sleep(250);
      if (!ok()) throw new Error(`the extra Docker engine ${name} did not start; see .runbox/dockerd-${name}.log`);
    },
    async stop(signal: NodeJS.Signals = "SIGTERM") {
      const p = pid();
      if (!alive(p)) return;
      process.kill(p, signal);
      for (let i = 0; i < 240 && alive(p); i++) await sleep(250);
    },
  };
}

/** Copy images from the main engine into `engine` unless it has them already. */
export function copyImages(engine: ExtraEngine, images: string[]): void {
  const env = { ...process.env, DOCKER_HOST: engine.host };
  const missing = images.filter((image) => {
    try {
      execSync(`docker image inspect ${image}`, { stdio: "ignore", env });
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length === 0) return;
  const mainHost = process.env.DOCKER_HOST ? `DOCKER_HOST=${process.env.DOCKER_HOST} ` : "";
  execSync(`${mainHost}docker save ${missing.join(" ")} | DOCKER_HOST=${engine.host} docker load -q`, {
    stdio: "ignore",
    shell: "/bin/bash",
    env: Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== "DOCKER_HOST")) as NodeJS.ProcessEnv,
    timeout: 300_000,
  });
}
