import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limiter";

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

describe("RateLimiter.takeAll", () => {
  it("takes from every key or from none", () => {
    const l = new RateLimiter(2, () => 0);
    expect(l.takeAll(["owner:a", "ip:1"]).allowed).toBe(true);
    expect(l.takeAll(["owner:b", "ip:1"]).allowed).toBe(true);
    // The address is spent: a third browser from it is refused, and its own bucket stays full.
    const refused = l.takeAll(["owner:c", "ip:1"]);
    expect(refused).toMatchObject({ allowed: false, remaining: 0 });
    expect(l.takeAll(["owner:c", "ip:2"])).toMatchObject({ allowed: true, remaining: 1 });
  });
});
