import { afterEach, describe, expect, it } from "vitest";
import { addressKey, ipv6Prefix64, trustClientIpHeader } from "./client-address";

const g = globalThis as { __runboxClientIpHeader?: boolean };
afterEach(() => {
  g.__runboxClientIpHeader = undefined;
});
const headers = (ip: string) => new Headers({ "x-runbox-client-ip": ip });

describe("addressKey", () => {
  it("ignores the header until the front server vouches for it", () => {
    expect(addressKey(headers("203.0.113.1"))).toBe("ip:local");
    trustClientIpHeader();
    expect(addressKey(headers("203.0.113.1"))).toBe("ip:203.0.113.1");
    expect(addressKey(new Headers())).toBe("ip:local");
  });

  it("makes one client of an IPv6 /64", () => {
    trustClientIpHeader();
    expect(addressKey(headers("2001:db8:1:2:aaaa::1"))).toBe(addressKey(headers("2001:db8:1:2:ffff:1:2:3")));
    expect(addressKey(headers("2001:db8:1:3::1"))).not.toBe(addressKey(headers("2001:db8:1:2::1")));
  });
});

describe("ipv6Prefix64", () => {
  it("expands :: and normalises hex", () => {
    expect(ipv6Prefix64("2001:0db8:0001:0002:3:4:5:6")).toBe("2001:db8:1:2::/64");
    expect(ipv6Prefix64("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(ipv6Prefix64("::1")).toBe("0:0:0:0::/64");
    expect(ipv6Prefix64("fe80::")).toBe("fe80:0:0:0::/64");
    expect(ipv6Prefix64("::ffff:1.2.3.4")).toBe("0:0:0:0::/64");
    expect(ipv6Prefix64("1:2:3:4:5::1.2.3.4")).toBe("1:2:3:4::/64");
  });
});
