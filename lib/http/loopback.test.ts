import { describe, expect, it } from "vitest";
import { isLoopback } from "./loopback";

describe("isLoopback", () => {
  it("knows this machine's addresses", () => {
    for (const ip of ["127.0.0.1", "127.1.2.3", "::1", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1"])
      expect(isLoopback(ip)).toBe(true);
  });
  it("and nothing else", () => {
    for (const ip of [
      "local",
      "",
      "10.0.0.1",
      "128.0.0.1",
      "::2",
      "::ffff:10.0.0.1",
      "2001:db8::1",
      "127.0.0.1.evil",
      "1127.0.0.1",
    ])
      expect(isLoopback(ip)).toBe(false);
  });
});
