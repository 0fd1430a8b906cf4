import { env, maxInteractive } from "../env";
import { RunCounter } from "../http/client-runs";

/** The limits of an interactive run, from the configuration (a request may only lower them). */
export interface InteractiveLimits {
  idleMs: number;
  sessionMs: number;
  inputCapBytes: number;
  /** Typed input per connection: bytes per second (bursts of 4 s) and messages per second. */
  inputBytesPerSec: number;
  inputMessagesPerSec: number;
}

export function interactiveLimits(): InteractiveLimits {
  const e = env();
  return {
    idleMs: e.RUNBOX_INTERACTIVE_IDLE_MS,
    sessionMs: e.RUNBOX_INTERACTIVE_SESSION_MS,
    inputCapBytes: e.RUNBOX_INTERACTIVE_INPUT_KB * 1024,
    inputBytesPerSec: e.RUNBOX_INTERACTIVE_INPUT_BYTES_PER_SEC,
    inputMessagesPerSec: e.RUNBOX_INTERACTIVE_INPUT_MESSAGES_PER_SEC,
  };
}

/**
 * Interactive sessions held at once. Each holds a run slot while it waits for a person, so the
 * server holds at most RUNBOX_MAX_INTERACTIVE of them (by default one less than the slots: a
 * batch run always finds one) and each client RUNBOX_MAX_INTERACTIVE_PER_CLIENT.
 */
export class SessionCounter {
  private held = 0;
  private readonly perClient: RunCounter;

  constructor(
    readonly total: number,
    perClient: number,
  ) {
    this.perClient = new RunCounter(perClient);
  }

  /** Hold one session for these client keys, or say which cap is full. */
  admit(keys: string[]): { release: () => void } | { full: "server" | "client" } {
    if (this.held >= this.total) return { full: "server" };
    const counted = this.perClient.admit(keys);
    if ("full" in counted) return { full: "client" };
    this.held++;
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.held--;
        counted.release();
      },
    };
  }

  get active(): number {
    return this.held;
  }
}

const g = globalThis as typeof globalThis & { __runboxSessions?: SessionCounter };

/** The process's session counter (shared by the playground and both WebSocket APIs). */
export function interactiveSessions(): SessionCounter {
  g.__runboxSessions ??= new SessionCounter(maxInteractive(), env().RUNBOX_MAX_INTERACTIVE_PER_CLIENT);
  return g.__runboxSessions;
}

/** Why a session was refused, in words a person can act on. */
export function sessionRefusal(full: "server" | "client"): string {
  return full === "server"
    ? "Every interactive session this server offers is in use; try again in a minute."
    : "You already have the most interactive sessions one client may hold at once; end one (Stop, or Ctrl-D) and try again.";
}
