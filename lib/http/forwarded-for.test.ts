import { describe, expect, it } from "vitest";
import { normalizeIp, parseTrustedProxies, resolveClientAddress } from "./forwarded-for";

describe("normalizeIp", () => {
  it("strips ports, brackets, zones and the IPv4-mapped prefix; refuses junk", () => {
    expect(normalizeIp(" 203.0.113.9 ")).toBe("203.0.113.9");
    expect(normalizeIp("203.0.113.9:4711")).toBe("203.0.113.9");
    expect(normalizeIp("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalizeIp("fe80::1%eth0")).toBe("fe80::1");
    expect(normalizeIp("::ffff:10.1.2.3")).toBe("10.1.2.3");
    for (const junk of ["", "unknown", "1.2.3", "evil.example", "1.2.3.4.5", "::g"])
      expect(normalizeIp(junk)).toBeNull();
  });
});

describe("parseTrustedProxies", () => {
  it("matches addresses and CIDR ranges of both families", () => {
    const t = parseTrustedProxies("10.0.0.0/8, 127.0.0.1 ,fd00::/8,::1");
    expect(["10.200.3.4", "127.0.0.1", "fd12::7", "::1"].map(t.has)).toEqual([true, true, true, true]);
    expect(["11.0.0.1", "127.0.0.2", "fe80::1", "2001:db8::1"].map(t.has)).toEqual([false, false, false, false]);
    expect(parseTrustedProxies("").has("127.0.0.1")).toBe(false);
  });

  it("names a bad entry", () => {
    for (const bad of ["10.0.0.0/33", "localhost", "::1/129", "1.2.3.4/8/1", "10.0.0.0/x"])
      expect(() => parseTrustedProxies(`127.0.0.1, ${bad}`)).toThrow(bad);
  });
});

describe("resolveClientAddress", () => {
  const none = parseTrustedProxies("");
  const proxies = parseTrustedProxies("127.0.0.1, 10.0.0.0/8");

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(resolveClientAddress("198.51.100.7", "1.1.1.1", none)).toBe("198.51.100.7");
    expect(resolveClientAddress("::ffff:198.51.100.7", "1.1.1.1", proxies)).toBe("198.51.100.7");
  });

  it("takes the right-most hop that is not a trusted proxy", () => {
    // The client wrote "6.6.6.6, 7.7.7.7"; the first proxy appended the real address.
    expect(resolveClientAddress("127.0.0.1", "6.6.6.6, 7.7.7.7, 203.0.113.5, 10.1.1.1", proxies)).toBe("203.0.113.5");
    expect(resolveClientAddress("127.0.0.1", ["6.6.6.6", "203.0.113.5"], proxies)).toBe("203.0.113.5");
  });

  it("stops at a hop that is not an address, and uses the socket when there is no header", () => {
    expect(resolveClientAddress("127.0.0.1", "junk, 10.0.0.2", proxies)).toBe("10.0.0.2");
    expect(resolveClientAddress("127.0.0.1", undefined, proxies)).toBe("127.0.0.1");
    expect(resolveClientAddress("127.0.0.1", "10.0.0.3", proxies)).toBe("10.0.0.3");
    expect(resolveClientAddress(undefined, "1.2.3.4", proxies)).toBe("unknown");
  });
});
