import { describe, expect, it } from "vitest";
import { RunCounter } from "./client-runs";

describe("RunCounter", () => {
  it("caps runs at once per key, counting all keys or none", () => {
    const c = new RunCounter(1);
    const a = c.admit(["owner:a", "ip:1"]);
    if (!("release" in a)) throw new Error("refused");
    expect(c.admit(["owner:a", "ip:2"])).toEqual({ full: "owner:a" });
    expect(c.admit(["owner:b", "ip:1"])).toEqual({ full: "ip:1" });
    expect(c.running("ip:2")).toBe(0);
    expect(c.admit(["owner:b", "ip:2"])).toHaveProperty("release");
    a.release();
    a.release(); // twice is once
    expect(c.running("ip:1")).toBe(0);
    expect(c.running("ip:2")).toBe(1);
    expect(c.admit(["owner:a", "ip:1"])).toHaveProperty("release");
  });
});
