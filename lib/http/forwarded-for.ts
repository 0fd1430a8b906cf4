import net from "node:net";

/**
 * Which address a request comes from, as server.ts decides it. X-Forwarded-For is written by
 * whoever sends it, so it is believed only from configured proxies (RUNBOX_TRUSTED_PROXIES),
 * and only as far as the chain of trusted proxies goes: each proxy appends the address it
 * saw, so the right-most hop that is not a trusted proxy is the client.
 */
export interface TrustedProxies {
  has(ip: string): boolean;
}

/** `::ffff:1.2.3.4` → `1.2.3.4`; `[::1]:80`, `1.2.3.4:80`, `fe80::1%eth0` → the bare address; junk → null. */
export function normalizeIp(raw: string): string | null {
  let s = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(s);
  if (bracketed?.[1]) s = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(s)) s = s.slice(0, s.lastIndexOf(":"));
  s = s.replace(/%.*$/, "").toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(s);
  if (mapped?.[1]) s = mapped[1];
  return net.isIP(s) ? s : null;
}

/** Parse "10.0.0.0/8, 127.0.0.1, ::1, fd00::/8"; throws an Error naming the first bad entry. */
export function parseTrustedProxies(spec: string): TrustedProxies {
  const list = new net.BlockList();
  for (const entry of spec
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [addr = "", prefix, ...rest] = entry.split("/");
    const ip = normalizeIp(addr);
    const family = ip ? (net.isIPv4(ip) ? "ipv4" : "ipv6") : null;
    const bits = prefix === undefined ? null : Number(prefix);
    const maxBits = family === "ipv4" ? 32 : 128;
    if (
      !ip ||
      !family ||
      rest.length > 0 ||
      (bits !== null && !(Number.isInteger(bits) && bits >= 0 && bits <= maxBits))
    )
      throw new Error(`RUNBOX_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range (e.g. 10.0.0.0/8, ::1).`);
    if (bits === null) list.addAddress(ip, family);
    else list.addSubnet(ip, bits, family);
  }
  return { has: (ip) => list.check(ip, net.isIPv4(ip) ? "ipv4" : "ipv6") };
}

/**
 * The client's address: the socket's peer, unless that peer is a trusted proxy; then walk
 * X-Forwarded-For from the right past every trusted proxy. A hop that is not an address
 * ends the walk (the chain is broken there; what lies left of it is the client's own text).
 */
export function resolveClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: TrustedProxies,
): string {
  let client = normalizeIp(socketAddress ?? "");
  if (!client) return "unknown";
  if (!trusted.has(client) || !forwardedFor) return client;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor).split(",");
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeIp(hops[i] ?? "");
    if (!hop) break;
    client = hop;
    if (!trusted.has(hop)) break;
  }
  return client;
}
