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
    const perMs = this.limit / 60_000;
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.limit, at: t };
    b.tokens = Math.min(this.limit, b.tokens + (t - b.at) * perMs);
    b.at = t;
    const allowed = b.tokens >= 1;
    if (allowed) b.tokens -= 1;
    this.buckets.set(key, b);
    if (this.buckets.size > 10_000) this.prune(t);
    const missing = allowed ? this.limit - b.tokens : 1 - b.tokens;
    return { allowed, remaining: Math.floor(b.tokens), resetSec: Math.max(1, Math.ceil(missing / perMs / 1000)) };
  }

  /** Drop buckets that are full again (they hold no information). */
  private prune(t: number) {
    for (const [k, b] of this.buckets)
      if (b.tokens + (t - b.at) * (this.limit / 60_000) >= this.limit) this.buckets.delete(k);
  }
}

const g = globalThis as typeof globalThis & { __runboxRate?: RateLimiter };

function limiter(): RateLimiter {
  g.__runboxRate ??= new RateLimiter(env().RUNBOX_RATE_LIMIT_PER_MINUTE);
  return g.__runboxRate;
}

/** The caller's address as the server saw it (first X-Forwarded-For hop, set by Next's server). */
export function clientKey(request: Request): string {
  return `ip:${request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "local"}`;
}

export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
  retryAfterSec: number;
}

/** Check and count one program run for `key`; the headers follow the IETF RateLimit fields. */
export function checkRate(key: string): RateDecision {
  const l = limiter();
  const r = l.take(key);
  const headers: Record<string, string> = {
    "RateLimit-Limit": String(l.limit),
    "RateLimit-Remaining": String(r.remaining),
    "RateLimit-Reset": String(r.resetSec),
    "RateLimit-Policy": `${l.limit};w=60`,
  };
  if (!r.allowed) headers["Retry-After"] = String(r.resetSec);
  return { allowed: r.allowed, headers, retryAfterSec: r.resetSec };
}

/** Run `handler` if the caller is within its rate; 429 with Retry-After otherwise. Headers either way. */
export async function withRateLimit(
  request: Request,
  handler: () => Promise<Response>,
  shape: "native" | "piston" = "native",
): Promise<Response> {
  const decision = checkRate(clientKey(request));
  if (!decision.allowed) {
    const message = `Too many runs from this address: try again in ${decision.retryAfterSec} s.`;
    const body = shape === "piston" ? { message } : { error: { code: "rate_limited", message } };
    return Response.json(body, { status: 429, headers: { ...decision.headers, "Cache-Control": "no-store" } });
  }
  const response = await handler();
  for (const [k, v] of Object.entries(decision.headers)) response.headers.set(k, v);
  return response;
}
