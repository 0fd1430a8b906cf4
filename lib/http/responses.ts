import { NotFound } from "../errors";
import { log } from "../log";
import { SandboxBusy, SandboxUnavailable, ValidationError } from "../sandbox/errors";
import { jsonNestsDeeperThan } from "./json-depth";

/** Largest request body any JSON endpoint accepts (source + stdin caps fit well inside). */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

export class BodyError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** Read a JSON body with a size cap; BodyError (413/400) with a readable message otherwise. */
/** No request of ours nests this deep; a body that does is refused unparsed (see json-depth.ts). */
const MAX_JSON_DEPTH = 64;

export async function readJson(request: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw new BodyError(`The request body may be at most ${maxBytes / 1024 / 1024} MiB.`, 413);
  const reader = request.body?.getReader();
  if (!reader) throw new BodyError("The request needs a JSON body.", 400);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel();
      throw new BodyError(`The request body may be at most ${maxBytes / 1024 / 1024} MiB.`, 413);
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text.trim()) throw new BodyError("The request needs a JSON body.", 400);
  if (jsonNestsDeeperThan(text, MAX_JSON_DEPTH))
    throw new BodyError(`The request body nests deeper than ${MAX_JSON_DEPTH} levels of arrays and objects.`, 400);
  try {
    return JSON.parse(text);
  } catch {
    throw new BodyError("The request body is not valid JSON.", 400);
  }
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

/** Native API error shape: { error: { code, message, fieldErrors? } }. Never a stack trace. */
export function errorResponse(err: unknown): Response {
  if (err instanceof BodyError) return json({ error: { code: "invalid_request", message: err.message } }, err.status);
  if (err instanceof NotFound) return json({ error: { code: err.code, message: err.message } }, 404);
  if (err instanceof ValidationError) {
    return json({ error: { code: err.code, message: err.message, fieldErrors: err.fieldErrors } }, 400);
  }
  if (err instanceof SandboxBusy) {
    return json({ error: { code: err.code, message: err.message } }, 429, { "Retry-After": String(err.retryAfterSec) });
  }
  if (err instanceof SandboxUnavailable) {
    log.error({ err }, "sandbox unavailable");
    return json({ error: { code: err.code, message: err.message } }, 503);
  }
  log.error({ err }, "unexpected error");
  return json({ error: { code: "internal_error", message: "Something went wrong on the server." } }, 500);
}

/** Piston's error shape: { message }, 400 for anything the client sent wrong. */
export function pistonErrorResponse(err: unknown): Response {
  const native = errorResponse(err);
  if (native.status === 500) return json({ message: "Something went wrong on the server." }, 500);
  const message = err instanceof Error ? err.message : "Something went wrong on the server.";
  return json({ message }, native.status, Object.fromEntries(native.headers.entries()));
}
