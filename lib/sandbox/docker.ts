import type { Duplex } from "node:stream";
import Docker from "dockerode";
import { SandboxUnavailable } from "./errors";

/** One labelled container as a listing shows it. */
export interface ListedContainer {
  id: string;
  labels: Record<string, string>;
  /** Epoch ms (Docker reports whole seconds). */
  createdAt: number;
}

/**
 * Every Docker call the engine makes, behind one seam: the real one talks to a Docker engine
 * through dockerode; unit tests of pure logic (pool sizing, deadlines, reaping) pass a fake.
 */
export interface SandboxBackend {
  /** Create, attach (before start, so no output is lost) and start; removes it again on failure. */
  open(spec: Docker.ContainerCreateOptions): Promise<{ id: string; stream: Duplex }>;
  /** Lower memory (bytes, no swap) and the pids limit of a running container. */
  update(id: string, limits: { memoryBytes: number; pids: number }): Promise<void>;
  kill(id: string): Promise<void>;
  /** Force-remove (with anonymous volumes); never throws for "already gone". */
  remove(id: string): Promise<void>;
  /** Whether Docker saw the kernel OOM-kill something in the container. */
  oomKilled(id: string): Promise<boolean>;
  /** Containers carrying `label=value`. */
  list(label: string): Promise<ListedContainer[]>;
  ping(timeoutMs?: number): Promise<{ version: string }>;
  hasImage(image: string): Promise<boolean>;
}

const UNREACHABLE = new Set(["ECONNREFUSED", "ENOENT", "EACCES", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH"]);

/** True when an error means the engine itself cannot be reached (not a bad request to it). */
export function isUnreachable(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  if (code && UNREACHABLE.has(code)) return true;
  const status = (err as { statusCode?: number } | null)?.statusCode;
  return status === 502 || status === 503;
}

/** Status code of a Docker API error, if it has one. */
export function statusOf(err: unknown): number | undefined {
  return (err as { statusCode?: number } | null)?.statusCode;
}

/** Turns "cannot reach Docker" into SandboxUnavailable and lets other errors through. */
export function unavailableIfUnreachable(err: unknown): unknown {
  if (err instanceof SandboxUnavailable) return err;
  if (isUnreachable(err)) {
    return new SandboxUnavailable("The Docker engine is not reachable, so programs cannot run right now.", {
      cause: err,
    });
  }
  return err;
}

/** Where a Docker engine listens: a unix socket path, or tcp with optional TLS client certificates. */
export interface DockerEndpoint {
  socketPath?: string;
  host?: string;
  port?: number;
  protocol?: "http" | "https" | "ssh";
  ca?: string;
  cert?: string;
  key?: string;
  username?: string;
}

/** The real backend: one Docker engine through dockerode. */
export class DockerBackend implements SandboxBackend {
  readonly docker: Docker;

  constructor(endpoint?: DockerEndpoint) {
    // No endpoint: dockerode reads DOCKER_HOST or uses the default socket.
    this.docker = endpoint ? new Docker(endpoint) : new Docker();
  }

  async open(spec: Docker.ContainerCreateOptions): Promise<{ id: string; stream: Duplex }> {
    let container: Docker.Container;
    try {
      container = await this.docker.createContainer(spec);
    } catch (err) {
      if (statusOf(err) === 404) {
        throw new SandboxUnavailable(`The sandbox image ${spec.Image} is missing; run "npm start" to build it.`, {
          cause: err,
        });
      }
      throw unavailableIfUnreachable(err);
    }
    try {
      const stream = (await container.attach({
        stream: true,
        stdin: true,
        stdout: true,
        stderr: true,
        hijack: true,
      })) as unknown as Duplex;
      await container.start();
      return { id: container.id, stream };
    } catch (err) {
      await this.remove(container.id);
      throw unavailableIfUnreachable(err);
    }
  }

  async update(id: string, limits: { memoryBytes: number; pids: number }): Promise<void> {
    await this.docker.getContainer(id).update({
      Memory: limits.memoryBytes,
      MemorySwap: limits.memoryBytes,
      PidsLimit: limits.pids,
    });
  }

  async kill(id: string): Promise<void> {
    try {
      await this.docker.getContainer(id).kill({ signal: "SIGKILL" });
    } catch {
      // Already stopped: nothing left to kill.
    }
  }

  async remove(id: string): Promise<void> {
    try {
      await this.docker.getContainer(id).remove({ force: true, v: true });
    } catch (err) {
      const status = statusOf(err);
      // 404/409: already gone or being removed. Anything else: the reaper sweeps it later.
      if (status !== 404 && status !== 409) throw err;
    }
  }

  async oomKilled(id: string): Promise<boolean> {
    try {
      const info = await this.docker.getContainer(id).inspect();
      return Boolean(info.State?.OOMKilled);
    } catch {
      return false;
    }
  }

  async list(label: string): Promise<ListedContainer[]> {
    const list = await this.docker.listContainers({ all: true, filters: { label: [label] } });
    return list.map((c) => ({ id: c.Id, labels: c.Labels ?? {}, createdAt: c.Created * 1000 }));
  }

  async ping(timeoutMs = 3000): Promise<{ version: string }> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" })), timeoutMs);
    });
    try {
      const info = (await Promise.race([this.docker.version(), timeout])) as { Version?: string };
      return { version: info.Version ?? "unknown" };
    } catch (err) {
      throw unavailableIfUnreachable(err);
    } finally {
      clearTimeout(timer);
    }
  }

  async hasImage(image: string): Promise<boolean> {
    try {
      await this.docker.getImage(image).inspect();
      return true;
    } catch {
      return false;
    }
  }
}
