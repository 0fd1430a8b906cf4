import { env } from "../env";

/** A token bucket per key: `limit` requests per minute, refilled continuously. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly limit: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Take one token for `key`; says whether it was allowed and what the headers should say. */
  take(key: string): { allowed: boolean; remaining: number; resetSec: number } {
    return this.takeAll([key]);
  }

  /**
   * Take one token from every key's bucket, or from none when any is empty (a request
   * refused for one key does not use up the others). The answer describes the tightest key.
   */
  takeAll(keys: string[]): { allowed: boolean; remaining: number; resetSec: number } {
    const perMs = this.limit / 60_000;
    const t = this.now();
    const buckets = keys.map((key) => {
      const b = this.buckets.get(key) ?? { tokens: this.limit, at: t };
      b.tokens = Math.min(this.limit, b.tokens + (t - b.at) * perMs);
      b.at = t;
      this.buckets.set(key, b);
      return b;
    });
    const allowed = buckets.every((b) => b.tokens >= 1);
    if (allowed) for (const b of buckets) b.tokens -= 1;
    if (this.buckets.size > 10_000) this.prune(t);
    const tightest = buckets.reduce((a, b) => (b.tokens < a.tokens ? b : a));
    const missing = allowed ? this.limit - tightest.tokens : 1 - tightest.tokens;
    return {
      allowed,
      remaining: Math.floor(tightest.tokens),
      resetSec: Math.max(1, Math.ceil(missing / perMs / 1000)),
    };
  }

  /** Drop buckets that are full again (they hold no information). */
  private prune(t: number) {
    for (const [k, b] of this.buckets)
      if (b.tokens + (t - b.at) * (this.limit / 60_000) >= this.limit) this.buckets.delete(k);
  }
}

const g = globalThis as typeof globalThis & {
  __runboxRate?: RateLimiter;
  __runboxPageRate?: RateLimiter;
  __runboxSubmitRate?: RateLimiter;
};

/** Program runs: per address, and per browser too for runs started in the UI. */
function runLimiter(): RateLimiter {
  g.__runboxRate ??= new RateLimiter(env().RUNBOX_RATE_LIMIT_PER_MINUTE);
  return g.__runboxRate;
}

/** Page views (and server actions, which post to pages): per address. */
function pageLimiter(): RateLimiter {
  g.__runboxPageRate ??= new RateLimiter(env().RUNBOX_PAGE_RATE_LIMIT_PER_MINUTE);
  return g.__runboxPageRate;
}

/** Graded submissions (all tests, hidden ones included) per person per exercise. */
function submitLimiter(): RateLimiter {
  g.__runboxSubmitRate ??= new RateLimiter(env().RUNBOX_SUBMISSIONS_PER_MINUTE);
  return g.__runboxSubmitRate;
}

export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
  retryAfterSec: number;
}

function decide(l: RateLimiter, keys: string[]): RateDecision {
  const r = l.takeAll(keys);
  const headers: Record<string, string> = {
    "RateLimit-Limit": String(l.limit),
    "RateLimit-Remaining": String(r.remaining),
    "RateLimit-Reset": String(r.resetSec),
    "RateLimit-Policy": `${l.limit};w=60`,
  };
  if (!r.allowed) headers["Retry-After"] = String(r.resetSec);
  return { allowed: r.allowed, headers, retryAfterSec: r.resetSec };
}

/** Check and count one program run against every key; the headers follow the IETF RateLimit fields. */
export function checkRate(keys: string[]): RateDecision {
  return decide(runLimiter(), keys);
}

/**
 * Check and count one graded submission of `slug` for each key. Each submission reveals a few
 * bits about the hidden tests (their verdicts); this bounds how fast they can be probed.
 */
export function checkSubmitRate(slug: string, keys: string[]): RateDecision {
  return decide(
    submitLimiter(),
    keys.map((k) => `submit:${slug}:${k}`),
  );
}

/** Check and count one page view for an address key. */
export function checkPageRate(key: string): RateDecision {
  return decide(pageLimiter(), [key]);
}
