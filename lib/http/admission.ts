import type { ApiCaller } from "../api-keys/authenticate";
import { env, maxRunsPerClient } from "../env";
import { metrics } from "../metrics/registry";
import { type ApiShape, withApiCaller } from "./api-access";
import { addressKey } from "./client-address";
import { admitKeyRun } from "./key-admission";
import { limitStore } from "./limit-store";
import { checkPageRate, checkRate, checkSubmitRate } from "./rate-limit";

/** Why a run was not admitted, in words a person can act on. */
export interface Refusal {
  code: "rate_limited" | "too_many_runs" | "quota_exceeded" | "unauthorized";
  /** HTTP status; 429 unless said otherwise (a key revoked meanwhile: 401). */
  status?: number;
  message: string;
  retryAfterSec: number;
  headers: Record<string, string>;
}

export type Admission =
  | { ok: true; release: () => Promise<void>; headers: Record<string, string> }
  | { ok: false; refusal: Refusal };

/**
 * Admit one program run for a client (its keys: the address, and the browser for UI runs):
 * first the per-client cap on runs at once, then the per-minute rate. Call release() when
 * the run's execution is over. Both limits hold across instances (lib/http/limit-store.ts).
 */
export async function admitRun(keys: string[], who: "address" | "browser"): Promise<Admission> {
  const n = maxRunsPerClient();
  const counted = await limitStore().hold(keys, n);
  if ("full" in counted) {
    // No end time is known; about one default run later is a fair guess.
    const retryAfterSec = Math.max(1, Math.ceil(env().RUNBOX_RUN_TIMEOUT_MS / 1000));
    const programs = n === 1 ? "a program" : `${n} programs`;
    const wait = `wait for ${n === 1 ? "it" : "one"} to finish, then try again.`;
    // A browser can be blocked by others at its address (one NAT, one school): say so.
    const message =
      who === "browser" && counted.full.startsWith("ip:")
        ? `Your network address already has ${programs} running, the most one client may run at once: ${wait}`
        : `You already have ${programs} running, the most one client may run at once: ${wait}`;
    return {
      ok: false,
      refusal: { code: "too_many_runs", message, retryAfterSec, headers: { "Retry-After": String(retryAfterSec) } },
    };
  }
  const rate = await checkRate(keys);
  if (!rate.allowed) {
    await counted.release();
    const message =
      who === "browser"
        ? `You are running programs very fast: wait ${rate.retryAfterSec} s and try again.`
        : `Too many runs from this address: try again in ${rate.retryAfterSec} s.`;
    return {
      ok: false,
      refusal: { code: "rate_limited", message, retryAfterSec: rate.retryAfterSec, headers: rate.headers },
    };
  }
  return { ok: true, release: counted.release, headers: rate.headers };
}

/** A graded submission of `slug` (hidden tests): at most RUNBOX_SUBMISSIONS_PER_MINUTE per person. */
export async function admitSubmission(slug: string, keys: string[]): Promise<Refusal | undefined> {
  const rate = await checkSubmitRate(slug, keys);
  if (rate.allowed) return undefined;
  return {
    code: "rate_limited",
    message: `You have submitted this exercise many times in a minute: wait ${rate.retryAfterSec} s and submit again (Run samples is not limited).`,
    retryAfterSec: rate.retryAfterSec,
    headers: rate.headers,
  };
}

/**
 * A read of stored data through the API (a run, a chunk of its output): counted with the
 * address's page views, so a flood of reads is limited like a flood of pages. API routes pass
 * `api` to authenticate the caller first (401 for a bad key, or no key when keys are required).
 */
export async function withReadLimit(
  request: Request,
  handler: (caller: ApiCaller) => Promise<Response>,
  api = false,
): Promise<Response> {
  const read = (caller: ApiCaller) => {
    const rate = checkPageRate(addressKey(request.headers));
    if (!rate.allowed) {
      const message = `Too many requests from this address: try again in ${rate.retryAfterSec} s.`;
      return Promise.resolve(
        Response.json(
          { error: { code: "rate_limited", message } },
          { status: 429, headers: { ...rate.headers, "Cache-Control": "no-store" } },
        ),
      );
    }
    return handler(caller);
  };
  return api ? withApiCaller(request, "native", read) : read({ kind: "anonymous" });
}

/** One API run, admitted for its caller: by its key (rate and quota in the database), or by its address. */
export function admitApiRun(caller: ApiCaller, headers: Headers): Promise<Admission> {
  return caller.kind === "key" ? admitKeyRun(caller) : admitRun([addressKey(headers)], "address");
}

/**
 * An API run: the caller authenticated (see authenticateApi), then admitted (admitApiRun) and
 * counted until the answer is ready; 429 with Retry-After otherwise (Piston's `{ message }`
 * shape for its own API). RateLimit headers either way.
 */
export async function withRunAdmission(
  request: Request,
  handler: (caller: ApiCaller) => Promise<Response>,
  shape: ApiShape = "native",
): Promise<Response> {
  return withApiCaller(request, shape, async (caller) => {
    const admission = await admitApiRun(caller, request.headers);
    if (!admission.ok) {
      const { code, message, headers, status = 429 } = admission.refusal;
      metrics().apiRefusals.inc({ code });
      const body = shape === "piston" ? { message } : { error: { code, message } };
      return Response.json(body, { status, headers: { ...headers, "Cache-Control": "no-store" } });
    }
    try {
      const response = await handler(caller);
      for (const [k, v] of Object.entries(admission.headers)) response.headers.set(k, v);
      return response;
    } finally {
      await admission.release();
    }
  });
}
