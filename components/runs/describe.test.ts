import { describe, expect, it } from "vitest";
import { previewLine } from "./describe";

describe("previewLine", () => {
  it("is the first non-blank line, cut short", () => {
    expect(previewLine("\n  \n# hello\nprint()")).toBe("# hello");
    expect(previewLine("x".repeat(1024 * 1024))).toBe(`${"x".repeat(160)}…`);
    expect(previewLine(`${" ".repeat(1024 * 1024)}\nok`)).toBe("ok");
    expect(previewLine("")).toBe("");
  });
});
