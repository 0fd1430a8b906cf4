import { describe, expect, it } from "vitest";
import { keyRateHeaders, untilText } from "./key-rate-headers";

describe("a key's RateLimit headers", () => {
  it("describe the window closest to its limit, and list both", () => {
    const minute = { used: 10, limit: 60, resetSec: 20 };
    expect(keyRateHeaders(minute, { used: 9995, limit: 10000, resetSec: 3600 })).toEqual({
      "RateLimit-Limit": "10000",
      "RateLimit-Remaining": "5",
      "RateLimit-Reset": "3600",
      "RateLimit-Policy": "60;w=60, 10000;w=86400",
    });
    expect(keyRateHeaders(minute, { used: 10, limit: 10000, resetSec: 3600 })).toMatchObject({
      "RateLimit-Limit": "60",
      "RateLimit-Remaining": "50",
      "RateLimit-Reset": "20",
    });
  });
  it("never count below zero (an admin lowered a limit under the use)", () => {
    expect(
      keyRateHeaders({ used: 9, limit: 5, resetSec: 1 }, { used: 9, limit: 100, resetSec: 9 })["RateLimit-Remaining"],
    ).toBe("0");
  });
  it("say how long until a window starts over in words", () => {
    expect([40, 60, 61, 3599, 3600, 3660, 11_520].map(untilText)).toEqual([
      "40 s",
      "1 min",
      "2 min",
      "1 h",
      "1 h",
      "1 h 1 min",
      "3 h 12 min",
    ]);
  });
});
