import { env } from "../env";
import { limitStore } from "./limit-store";
import { RateLimiter } from "./rate-limiter";

const g = globalThis as typeof globalThis & { __runboxPageRate?: RateLimiter };

/**
 * Page views (and server actions, which post to pages): per address, per instance. They guard
 * this instance's own rendering work, so each instance counts its own (and the check stays
 * synchronous in proxy.ts, where every request passes).
 */
function pageLimiter(): RateLimiter {
  g.__runboxPageRate ??= new RateLimiter(env().RUNBOX_PAGE_RATE_LIMIT_PER_MINUTE);
  return g.__runboxPageRate;
}

export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
  retryAfterSec: number;
}

function decision(limit: number, r: { allowed: boolean; remaining: number; resetSec: number }): RateDecision {
  const headers: Record<string, string> = {
    "RateLimit-Limit": String(limit),
    "RateLimit-Remaining": String(r.remaining),
    "RateLimit-Reset": String(r.resetSec),
    "RateLimit-Policy": `${limit};w=60`,
  };
  if (!r.allowed) headers["Retry-After"] = String(r.resetSec);
  return { allowed: r.allowed, headers, retryAfterSec: r.resetSec };
}

/**
 * Check and count one program run against every key (per address, and per browser too for runs
 * started in the UI), across every instance; the headers follow the IETF RateLimit fields.
 */
export async function checkRate(keys: string[]): Promise<RateDecision> {
  const limit = env().RUNBOX_RATE_LIMIT_PER_MINUTE;
  return decision(limit, await limitStore().take("runs", limit, keys));
}

/**
 * Check and count one graded submission of `slug` for each key. Each submission reveals a few
 * bits about the hidden tests (their verdicts); this bounds how fast they can be probed.
 */
export async function checkSubmitRate(slug: string, keys: string[]): Promise<RateDecision> {
  const limit = env().RUNBOX_SUBMISSIONS_PER_MINUTE;
  return decision(
    limit,
    await limitStore().take(
      "submit",
      limit,
      keys.map((k) => `${slug} ${k}`),
    ),
  );
}

/** Check and count one page view for an address key. */
export function checkPageRate(key: string): RateDecision {
  const l = pageLimiter();
  return decision(l.limit, l.take(key));
}
