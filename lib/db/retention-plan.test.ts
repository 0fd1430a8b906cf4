import { describe, expect, it } from "vitest";
import { planTrim } from "./retention-plan";

const rows = (sizes: number[], keep: number[] = []) =>
  sizes.map((sizeBytes, i) => ({ id: `r${i}`, sizeBytes, keep: keep.includes(i) }));

describe("planTrim", () => {
  it("deletes the oldest rows until the count fits, and not one more", () => {
    const plan = planTrim(rows([1, 1, 1, 1, 1]), { count: 5, bytes: 5 }, { count: 3, bytes: null });
    expect(plan).toEqual({ ids: ["r0", "r1"], freedBytes: 2, kept: 0, done: true });
  });

  it("deletes the oldest rows until the bytes fit", () => {
    const plan = planTrim(rows([10, 50, 5, 5]), { count: 4, bytes: 70 }, { count: null, bytes: 15 });
    expect(plan.ids).toEqual(["r0", "r1"]);
    expect(plan.done).toBe(true);
  });

  it("passes over rows that must stay", () => {
    const plan = planTrim(rows([10, 10, 10, 10], [0, 2]), { count: 4, bytes: 40 }, { count: 1, bytes: null });
    expect(plan).toEqual({ ids: ["r1", "r3"], freedBytes: 20, kept: 2, done: false });
  });

  it("says when the page was not enough", () => {
    const plan = planTrim(rows([1, 1]), { count: 10, bytes: 10 }, { count: 5, bytes: null });
    expect(plan).toEqual({ ids: ["r0", "r1"], freedBytes: 2, kept: 0, done: false });
  });

  it("deletes nothing when the bucket fits", () => {
    expect(planTrim(rows([1]), { count: 1, bytes: 1 }, { count: 1, bytes: 1 }).ids).toEqual([]);
  });
});
