import { describe, expect, it } from "vitest";
import { normalizeJobeUrl } from "./paths";

describe("normalizeJobeUrl", () => {
  it("drops trailing slashes from Jobe paths only, keeping the query", () => {
    expect(normalizeJobeUrl("/jobe/index.php/restapi/runs/")).toBe("/jobe/index.php/restapi/runs");
    expect(normalizeJobeUrl("/jobe/restapi/languages//?x=1/")).toBe("/jobe/restapi/languages?x=1/");
    expect(normalizeJobeUrl("/jobe/restapi/runs")).toBe("/jobe/restapi/runs");
    expect(normalizeJobeUrl("/runs/")).toBe("/runs/");
    expect(normalizeJobeUrl("/jobex/")).toBe("/jobex/");
  });

  it("is linear in the length of the path", () => {
    const url = `/jobe/${"/".repeat(100_000)}a${"/".repeat(100_000)}`;
    expect(normalizeJobeUrl(url)).toBe(`/jobe/${"/".repeat(100_000)}a`);
  });
});
