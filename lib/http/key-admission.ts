import "server-only";
import type { ApiCaller } from "../api-keys/authenticate";
import { countKeyRun } from "../db/api-keys";
import { env, maxRunsPerClient } from "../env";
import type { Admission, Refusal } from "./admission";
import { keyRateHeaders, untilText } from "./key-rate-headers";
import { limitStore } from "./limit-store";

type KeyCaller = Extract<ApiCaller, { kind: "key" }>;

const refusal = (r: Omit<Refusal, "headers">, headers: Record<string, string> = {}): Admission => ({
  ok: false,
  refusal: { ...r, headers: r.retryAfterSec > 0 ? { ...headers, "Retry-After": String(r.retryAfterSec) } : headers },
});

/**
 * Admit one run made with an API key: the per-client cap on runs at once (the key is the client,
 * wherever it calls from, across instances), then the key's per-minute rate and daily quota, counted in the
 * database. Call release() when the run is over.
 */
export async function admitKeyRun(caller: KeyCaller): Promise<Admission> {
  const n = maxRunsPerClient();
  // Per key and per user: more keys make no more clients (a user may hold up to 20 keys).
  const counted = await limitStore().hold([`key:${caller.keyId}`, `user:${caller.ownerId}`], n);
  if ("full" in counted) {
    const retryAfterSec = Math.max(1, Math.ceil(env().RUNBOX_RUN_TIMEOUT_MS / 1000));
    return refusal({
      code: "too_many_runs",
      message: `This API key (or another of its user's) already has ${n === 1 ? "a program" : `${n} programs`} running, the most one client may run at once: wait for ${n === 1 ? "it" : "one"} to finish, then try again.`,
      retryAfterSec,
    });
  }
  let count: Awaited<ReturnType<typeof countKeyRun>>;
  try {
    count = await countKeyRun(caller.keyId, caller.limits);
  } catch (err) {
    await counted.release();
    throw err;
  }
  if (count.ok) return { ok: true, release: counted.release, headers: keyRateHeaders(count.minute, count.day) };
  await counted.release();
  if (count.hit === "revoked")
    return refusal({ code: "unauthorized", status: 401, message: "This API key was revoked.", retryAfterSec: 0 });
  const headers = keyRateHeaders(count.minute, count.day);
  if (count.hit === "day") {
    const { limit, resetSec } = count.day;
    return refusal(
      {
        code: "quota_exceeded",
        message: `This API key's daily quota of ${limit} runs is used up: it starts over at 00:00 UTC, in ${untilText(resetSec)}.`,
        retryAfterSec: resetSec,
      },
      { ...headers, "RateLimit-Limit": String(limit), "RateLimit-Remaining": "0", "RateLimit-Reset": String(resetSec) },
    );
  }
  const { limit, resetSec } = count.minute;
  return refusal(
    {
      code: "rate_limited",
      message: `This API key's rate limit of ${limit} runs per minute is used up: try again in ${untilText(resetSec)}.`,
      retryAfterSec: resetSec,
    },
    { ...headers, "RateLimit-Limit": String(limit), "RateLimit-Remaining": "0", "RateLimit-Reset": String(resetSec) },
  );
}
