import "server-only";
import { type ApiAuth, type ApiCaller, authenticateApi } from "../api-keys/authenticate";
import { metrics } from "../metrics/registry";
import { addressKey } from "./client-address";
import { checkPageRate } from "./rate-limit";
import { json } from "./responses";

/** The error shape of an API: the native `{ error: { code, message } }`, or Piston's `{ message }`. */
export type ApiShape = "native" | "piston";

/** 401 for a refused caller, with the challenge RFC 6750 asks for. */
export function unauthorized(auth: Extract<ApiAuth, { ok: false }>, shape: ApiShape): Response {
  const challenge = auth.invalidToken ? 'Bearer realm="runbox", error="invalid_token"' : 'Bearer realm="runbox"';
  const body =
    shape === "piston" ? { message: auth.message } : { error: { code: "unauthorized", message: auth.message } };
  return json(body, 401, { "WWW-Authenticate": challenge });
}

/**
 * Run `handler` for the request's API caller, or answer 401. A refused key also counts as a page
 * view of its address, so guessing keys is as slow as loading pages.
 */
export async function withApiCaller(
  request: Request,
  shape: ApiShape,
  handler: (caller: ApiCaller) => Promise<Response>,
): Promise<Response> {
  const auth = await authenticateApi(request.headers);
  if (auth.ok) return handler(auth.caller);
  metrics().apiRefusals.inc({ code: "unauthorized" });
  const rate = checkPageRate(addressKey(request.headers));
  if (!rate.allowed) {
    const message = `Too many requests from this address: try again in ${rate.retryAfterSec} s.`;
    const body = shape === "piston" ? { message } : { error: { code: "rate_limited", message } };
    return json(body, 429, rate.headers);
  }
  return unauthorized(auth, shape);
}
