import { describe, expect, it } from "vitest";
import { InputPacer } from "./input-pacer";

describe("InputPacer", () => {
  it("lets a burst through, then asks the reader to wait as long as the excess takes to earn back", () => {
    let t = 0;
    const p = new InputPacer(1000, 10, 4, () => t);
    expect(p.take(4000)).toBe(0); // the whole 4 s burst
    expect(p.take(500)).toBe(500); // 500 bytes over at 1000 B/s
    t += 500;
    expect(p.take(0)).toBe(0);
  });

  it("counts messages apart from bytes", () => {
    let t = 0;
    const p = new InputPacer(1_000_000, 10, 1, () => t);
    for (let i = 0; i < 10; i++) expect(p.take(1)).toBe(0);
    expect(p.take(1)).toBe(100);
    t += 1000;
    expect(p.take(1)).toBe(0);
  });
});
