import "server-only";
import { authenticateApi } from "../api-keys/authenticate";
import { admitApiRun, type Refusal } from "../http/admission";
import { addressKey } from "../http/client-address";
import type { InteractiveLimits, SessionCounter } from "../runs/interactive-limits";
import { sessionRefusal } from "../runs/interactive-limits";
import { type InteractiveControl, startInteractiveRecorded } from "../runs/interactive-recorded";
import { type PreparedRun, prepareRun, type RecordedRun } from "../runs/run-and-record";
import type { Engine, ExecuteRequest, ExecutionEvent } from "../sandbox";

/** What the socket handlers get from whoever installs them (the app, or a test with its own settings). */
export interface SocketDeps {
  engine: () => Engine;
  limits: InteractiveLimits;
  sessions: SessionCounter;
}

export interface ApiRunOptions {
  source: "api" | "piston";
  tty: boolean;
  size?: { rows: number; cols: number };
  /** Lower idle and session limits than configured (never higher). */
  idleMs?: number;
  sessionMs?: number;
  /** Aborted when the socket closes: nobody is left to read or type. */
  signal: AbortSignal;
  onEvent: (e: ExecutionEvent) => void;
}

export type ApiRunStart =
  | { ok: true; prepared: PreparedRun; control: InteractiveControl; recorded: Promise<RecordedRun> }
  | { ok: false; code: Refusal["code"] | "too_many_sessions"; message: string };

/**
 * Start an interactive run for a program on the other end of a socket: admitted as any API run
 * (by its API key's rate and quota, or by address; per-client cap), then as a session (per
 * client and server-wide), then stored as other API runs are (the key's user's, or unowned).
 * Validation, busy and unavailable errors are thrown.
 */
export async function startApiRun(
  deps: SocketDeps,
  req: ExecuteRequest,
  headers: Headers,
  opts: ApiRunOptions,
): Promise<ApiRunStart> {
  // The handshake was authenticated already; a key revoked since is refused here.
  const auth = await authenticateApi(headers);
  if (!auth.ok) return { ok: false, code: "unauthorized", message: auth.message };
  const { caller } = auth;
  const key = caller.kind === "key" ? `key:${caller.keyId}` : addressKey(headers);
  const admission = await admitApiRun(caller, headers);
  if (!admission.ok) return { ok: false, code: admission.refusal.code, message: admission.refusal.message };
  const session = deps.sessions.admit([key]);
  if ("full" in session) {
    admission.release();
    return { ok: false, code: "too_many_sessions", message: sessionRefusal(session.full) };
  }
  const release = () => {
    session.release();
    admission.release();
  };
  try {
    const engine = deps.engine();
    const prepared = await prepareRun(engine, req, {
      source: opts.source,
      ownerId: caller.kind === "key" ? caller.ownerId : null,
    });
    const { limits } = deps;
    const started = startInteractiveRecorded(engine, prepared, {
      tty: opts.tty,
      limits: {
        idleMs: Math.min(limits.idleMs, opts.idleMs ?? limits.idleMs),
        sessionMs: Math.min(limits.sessionMs, opts.sessionMs ?? limits.sessionMs),
        inputCapBytes: limits.inputCapBytes,
      },
      ...(opts.size ? { size: opts.size } : {}),
      signal: opts.signal,
      onEvent: opts.onEvent,
    });
    started.recorded.then(release, release);
    return { ok: true, prepared, ...started };
  } catch (err) {
    release();
    throw err;
  }
}
