import Docker from "dockerode";
import { SandboxUnavailable } from "./errors";

let client: Docker | undefined;

/** The shared Docker client (DOCKER_HOST, or the default socket). */
export function docker(): Docker {
  client ??= new Docker();
  return client;
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

/** Engine version, or a SandboxUnavailable explaining why it cannot be reached. */
export async function pingDocker(timeoutMs = 3000): Promise<{ version: string }> {
  const timer = new Promise<never>((_, reject) =>
    setTimeout(() => reject(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" })), timeoutMs).unref(),
  );
  try {
    const info = (await Promise.race([docker().version(), timer])) as { Version?: string };
    return { version: info.Version ?? "unknown" };
  } catch (err) {
    throw unavailableIfUnreachable(err);
  }
}
