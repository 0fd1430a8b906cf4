import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { bearerToken } from "../api-keys/authenticate";
import { env } from "../env";
import { addressKey, cameThroughProxy, clientAddress } from "../http/client-address";
import { isLoopback } from "../http/loopback";
import { checkPageRate } from "../http/rate-limit";
import { log } from "../log";

const digest = (s: string) => createHash("sha256").update(s).digest();

/**
 * Who may read /metrics: anyone with `Authorization: Bearer $RUNBOX_METRICS_TOKEN`, or a scraper
 * on this machine. "This machine" is the address server.ts took from the socket (X-Forwarded-For
 * counts only past a trusted proxy), and a request that came through a proxy at all (it carries
 * X-Forwarded-For, Forwarded, X-Real-IP, Via…) is never local: a reverse proxy on this machine
 * would otherwise make every visitor local. null when allowed, else the answer.
 */
export function metricsDenied(request: Request): Response | null {
  const token = env().RUNBOX_METRICS_TOKEN;
  const given = bearerToken(request.headers);
  if (token && given && timingSafeEqual(digest(given), digest(token))) return null;
  const proxied = cameThroughProxy(request.headers);
  const address = clientAddress(request.headers);
  if (!given && !proxied && isLoopback(address)) return null;
  const rate = checkPageRate(addressKey(request.headers));
  const headers: Record<string, string> = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };
  if (!rate.allowed)
    return new Response("Too many requests.\n", { status: 429, headers: { ...headers, ...rate.headers } });
  log.warn({ address, proxied }, "metrics refused");
  if (given || token)
    return new Response("A valid metrics token is required (Authorization: Bearer $RUNBOX_METRICS_TOKEN).\n", {
      status: 401,
      headers: { ...headers, "WWW-Authenticate": 'Bearer realm="runbox-metrics"' },
    });
  return new Response(
    "Metrics are served to this machine only; set RUNBOX_METRICS_TOKEN to scrape them from elsewhere.\n",
    { status: 403, headers },
  );
}
