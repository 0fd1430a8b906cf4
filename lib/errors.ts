/**
 * Errors of the app layer that every edge maps the same way: a route handler answers
 * `errorResponse(err)` (lib/http/responses.ts) and a server action `actionError(err)`
 * (lib/http/action-result.ts). The engine's own errors live in lib/sandbox/errors.ts.
 */

/**
 * The thing asked for does not exist — or exists but is not the caller's: both answer 404 with
 * the same words, so an id alone never tells a stranger whether something is there.
 */
export class NotFound extends Error {
  readonly code = "not_found";
  readonly status = 404;
  constructor(message: string) {
    super(message);
    this.name = "NotFound";
  }

  // Next.js bundles this module more than once (routes, actions, instrumentation): match by name.
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as { name?: unknown }).name === "NotFound";
  }
}
