import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit";

describe("RateLimiter", () => {
  it("allows `limit` requests at once, then refills over the minute", () => {
    let now = 0;
    const l = new RateLimiter(3, () => now);
    expect([1, 2, 3].map(() => l.take("a").allowed)).toEqual([true, true, true]);
    const denied = l.take("a");
    expect(denied).toMatchObject({ allowed: false, remaining: 0 });
    expect(denied.resetSec).toBe(20);
    expect(l.take("b").allowed).toBe(true);
    now += 20_000;
    expect(l.take("a").allowed).toBe(true);
    expect(l.take("a").allowed).toBe(false);
  });
});
