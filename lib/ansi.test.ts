import { describe, expect, it } from "vitest";
import { parseAnsi, stripAnsi } from "./ansi";

describe("parseAnsi", () => {
  it("turns SGR colours into styled segments", () => {
    expect(parseAnsi("a\x1b[31mred\x1b[0m b").map(({ text, style }) => ({ text, style }))).toEqual([
      { text: "a", style: {} },
      { text: "red", style: { fg: 1 } },
      { text: " b", style: {} },
    ]);
    expect(parseAnsi("\x1b[1;92;44mx")[0]?.style).toEqual({ bold: true, fg: 10, bg: 4 });
  });

  it("drops cursor movement, OSC titles and other control characters", () => {
    expect(stripAnsi("\x1b[2J\x1b[Hhi\x1b]0;title\x07 there\x00\x08\r\n")).toBe("hi there\n");
  });

  it("keeps HTML as plain text (rendering never interprets it)", () => {
    expect(stripAnsi("<script>alert(1)</script>")).toBe("<script>alert(1)</script>");
  });

  it("handles unterminated and pathological sequences in linear time", () => {
    const evil = `${"\x1b[".repeat(200_000)}${"\x1b]".repeat(200_000)}\x07x`;
    // 1.2 MB in one pass (a quadratic parser would run into the test timeout).
    const out = stripAnsi(evil);
    expect(out.endsWith("x")).toBe(true);
    expect(stripAnsi(`\x1b[${"1;".repeat(100_000)}m ok`)).toContain("ok");
  });
});
