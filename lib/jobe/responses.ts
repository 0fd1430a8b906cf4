import { BodyError } from "../http/responses";
import { log } from "../log";
import { SandboxUnavailable, ValidationError } from "../sandbox/errors";
import { JobeError } from "./errors";

/** A Jobe API answer: JSON, never cached. */
export function jobeJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

/** An answer without a body (204 for PUT and HEAD, 404 for HEAD). */
export const jobeEmpty = (status: number) => new Response(null, { status, headers: { "Cache-Control": "no-store" } });

/**
 * Errors in Jobe's shape: the status and a JSON string. Bad input is a 400 with the sentence the
 * validator wrote; Docker being unreachable a 503 (CodeRunner then reports a sandbox error, not
 * a wrong answer); anything else is logged and a 500, as Jobe's "Server exception".
 */
export function jobeErrorResponse(err: unknown): Response {
  if (err instanceof JobeError) return jobeJson(err.message, err.status);
  if (err instanceof BodyError)
    return jobeJson(err.status === 413 ? err.message : "Non-JSON post data received", err.status);
  if (err instanceof ValidationError) return jobeJson(err.message, 400);
  if (err instanceof SandboxUnavailable) {
    log.error({ err }, "jobe: sandbox unavailable");
    return jobeJson(err.message, 503);
  }
  log.error({ err }, "jobe: unexpected error");
  return jobeJson("Server exception (something went wrong on the server)", 500);
}
