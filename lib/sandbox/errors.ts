/**
 * `instanceof` matches by name: Next.js bundles this module once for instrumentation.ts and
 * again for the routes, while both use the one Engine the composition root (lib/app-engine.ts)
 * makes per process, so an error made by one copy (a queue timeout) must still be recognised by
 * the other's class. Nothing here keeps state.
 */
const named = (v: unknown, name: string) => v instanceof Error && v.name === name;

/** Bad input: the caller can fix it. Carries per-field messages a person can act on. */
export class ValidationError extends Error {
  static override [Symbol.hasInstance](v: unknown): boolean {
    return named(v, "ValidationError");
  }
  readonly code = "invalid_request";
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ValidationError";
  }
}

/** Every slot and queue place is taken; the caller should retry after `retryAfterSec`. */
export class SandboxBusy extends Error {
  static override [Symbol.hasInstance](v: unknown): boolean {
    return named(v, "SandboxBusy");
  }
  readonly code = "busy";
  constructor(readonly retryAfterSec: number) {
    super("Runbox is busy running other programs. Try again in a few seconds.");
    this.name = "SandboxBusy";
  }
}

/** The Docker engine (or a language image) cannot be used; logged in full, shown as one sentence. */
export class SandboxUnavailable extends Error {
  static override [Symbol.hasInstance](v: unknown): boolean {
    return named(v, "SandboxUnavailable");
  }
  readonly code = "sandbox_unavailable";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SandboxUnavailable";
  }
}

/** Something went wrong around the program (not in it): e.g. the runner stopped answering. */
export class SandboxFault extends Error {
  static override [Symbol.hasInstance](v: unknown): boolean {
    return named(v, "SandboxFault");
  }
  readonly code = "internal_error";
  /** What rbrun wrote on its stderr, when it says more than the message (logs, the admin page). */
  readonly diagnostics?: string;
  constructor(message: string, options?: { cause?: unknown; diagnostics?: string }) {
    super(message, options);
    this.name = "SandboxFault";
    if (options?.diagnostics) this.diagnostics = options.diagnostics;
  }
}
