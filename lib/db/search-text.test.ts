import { describe, expect, it } from "vitest";
import type { StageResult } from "../sandbox/types";
import { normalizeSearch, SEARCH_CODE_CHARS, SEARCH_OUTPUT_CHARS, searchCodeOf, searchOutputOf } from "./search-text";

const stage = (output: string) => ({ output }) as StageResult;

describe("search text", () => {
  it("lower-cases every script, so the query can be lower-cased the same way", () => {
    expect(normalizeSearch("Hello ÄÖÜ ΑΒΓ Ǆ")).toBe("hello äöü αβγ ǆ");
  });

  it("turns NUL into a space (PostgreSQL text cannot hold it)", () => {
    expect(normalizeSearch("a\u0000b")).toBe("a b");
  });

  it("bounds the code and the output, and never cuts a surrogate pair in half", () => {
    const code = searchCodeOf([{ content: "A".repeat(SEARCH_CODE_CHARS - 2) }, { content: "🎉 more" }]);
    expect(code.length).toBeLessThanOrEqual(SEARCH_CODE_CHARS);
    expect(code.endsWith("\n")).toBe(true);
    const big = searchCodeOf(Array.from({ length: 100 }, () => ({ content: "x".repeat(10_000) })));
    expect(big.length).toBe(SEARCH_CODE_CHARS);
    const out = searchOutputOf(stage("C".repeat(SEARCH_OUTPUT_CHARS * 2)), stage("Run Output"));
    expect(out).toBe(`${"c".repeat(SEARCH_OUTPUT_CHARS)}\nrun output`);
    expect(searchOutputOf(null, stage("x"))).toBe("x");
  });
});
