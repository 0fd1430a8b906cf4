import { describe, expect, it } from "vitest";
import { isKey, storableText } from "./keys";

describe("keys and text PostgreSQL can hold", () => {
  it("accepts ids and slugs, refuses NUL, empty and overlong strings", () => {
    expect(isKey("V1StGXR8_Z5jdHi6B-myT")).toBe(true);
    expect(isKey("two-sum")).toBe(true);
    expect(isKey("é🎉")).toBe(true);
    expect(isKey("x".repeat(64))).toBe(true);
    expect(isKey("x".repeat(65))).toBe(false);
    expect(isKey("")).toBe(false);
    expect(isKey("abc\0")).toBe(false);
  });

  it("replaces NUL in stored text and leaves everything else alone", () => {
    expect(storableText("a\0b\0")).toBe("a\uFFFDb\uFFFD");
    expect(storableText("héllo \uD800 🎉")).toBe("héllo \uD800 🎉");
  });
});
