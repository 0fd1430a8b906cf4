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
