import net from "node:net";
import { log } from "../log";

/**
 * The header server.ts sets on every request to the client's address (after deleting any
 * copy the client sent). App code reads the address only through clientAddress().
 */
export const CLIENT_IP_HEADER = "x-runbox-client-ip";

/**
 * The header server.ts sets to "1" when the request bears a proxy's marks (X-Forwarded-*,
 * Forwarded, X-Real-IP, Via…: lib/http/proxy-marks.ts), "0" otherwise; any copy the client sent
 * is replaced. Next.js adds X-Forwarded-For to every request it hands the app, so the app cannot
 * tell from that header.
 */
export const CLIENT_PROXIED_HEADER = "x-runbox-client-proxied";

// Shared across Next's bundles and server.ts through globalThis (one process).
const g = globalThis as typeof globalThis & { __runboxClientIpHeader?: boolean; __runboxClientIpWarned?: boolean };

/**
 * Declare that CLIENT_IP_HEADER is set by our own front server (server.ts, or a test that
 * calls route handlers directly). Without it the header is ignored: under a bare
 * `next start` a client could write it, so every client is then the one address "local".
 */
export function trustClientIpHeader(): void {
  g.__runboxClientIpHeader = true;
}

/** The client's address as server.ts determined it; "local" when there is none. */
export function clientAddress(headers: Headers): string {
  if (!g.__runboxClientIpHeader) {
    if (!g.__runboxClientIpWarned && process.env.NODE_ENV === "production") {
      g.__runboxClientIpWarned = true;
      log.warn("not started by server.ts: every client shares one rate limit (start Runbox with server.ts)");
    }
    return "local";
  }
  return headers.get(CLIENT_IP_HEADER)?.trim() || "local";
}

/** Whether the request came through a proxy (or cannot be known not to: not started by server.ts). */
export function cameThroughProxy(headers: Headers): boolean {
  return !g.__runboxClientIpHeader || headers.get(CLIENT_PROXIED_HEADER) !== "0";
}

/**
 * The bucket key of an address. An IPv6 client usually holds a whole /64 and can pick any
 * address in it, so its /64 is one client; an IPv4 address is one client.
 */
export function addressKey(headers: Headers): string {
  const ip = clientAddress(headers);
  return `ip:${net.isIPv6(ip) ? ipv6Prefix64(ip) : ip}`;
}

/** "2001:db8:1:2:3:4:5:6" or "2001:db8:1:2::9" → "2001:db8:1:2::/64". */
export function ipv6Prefix64(ip: string): string {
  const [head = "", tail] = ip.split("::");
  const groups = (part: string | undefined) =>
    part ? part.split(":").flatMap((p) => (p.includes(".") ? ["0", "0"] : [p])) : [];
  const left = groups(head);
  const right = groups(tail);
  const full =
    tail === undefined
      ? left
      : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return `${full
    .slice(0, 4)
    .map((h) => Number.parseInt(h || "0", 16).toString(16))
    .join(":")}::/64`;
}
