import net from "node:net";

/** 127.0.0.0/8, ::1, and IPv4 loopback written as IPv6. */
export function isLoopback(ip: string): boolean {
  const v4 = ip.startsWith("::ffff:") ? ip.slice(7) : ip;
  if (net.isIPv4(v4)) return v4.startsWith("127.");
  return net.isIPv6(ip) && (ip === "::1" || ip === "0:0:0:0:0:0:0:1");
}
