import type { IncomingHttpHeaders } from "node:http";

/**
 * Headers a reverse proxy adds to what it passes on. nginx sends none by default and is often
 * set up with X-Real-IP only; Caddy, Traefik and Apache send X-Forwarded-*; RFC 7239 proxies
 * send Forwarded; caches send Via. A client on this machine that talks to us directly sends none.
 */
const PROXY_HEADERS = [
  "forwarded",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-real-ip",
  "via",
  "cf-connecting-ip",
  "true-client-ip",
] as const;

/**
 * Whether a request bears a proxy's marks (so its socket's address is the proxy's, not the
 * client's). Used to deny "this machine only" endpoints to anything a local proxy relays.
 */
export function bearsProxyMarks(headers: IncomingHttpHeaders): boolean {
  if (PROXY_HEADERS.some((h) => headers[h] !== undefined)) return true;
  // And the rest of the family: X-Forwarded-Port/-Server, X-Forwarded, Forwarded-For, Client-IP,
  // X-Client-IP, X-Cluster-Client-IP, X-Original-Forwarded-For… (names arrive lower-cased).
  return Object.keys(headers).some(
    (h) => h.startsWith("x-forwarded") || h.endsWith("forwarded-for") || h.endsWith("client-ip"),
  );
}
