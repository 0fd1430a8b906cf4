import { describe, expect, it } from "vitest";
import { RunCounter } from "./client-runs";

describe("RunCounter", () => {
  it("caps runs at once per key, counting all keys or none", () => {
    const c = new RunCounter(1);
    const a = c.admit(["owner:a", "ip:1"]);
    expect(a).not.toBeNull();
    expect(c.admit(["owner:a", "ip:2"])).toBeNull();
    expect(c.admit(["owner:b", "ip:1"])).toBeNull();
    expect(c.running("ip:2")).toBe(0);
    const b = c.admit(["owner:b", "ip:2"]);
    expect(b).not.toBeNull();
    a?.release();
    a?.release(); // twice is once
    expect(c.running("ip:1")).toBe(0);
    expect(c.running("ip:2")).toBe(1);
    expect(c.admit(["owner:a", "ip:1"])).not.toBeNull();
  });
});
