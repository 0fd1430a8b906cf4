import { describe, expect, it } from "vitest";
import { type AnsiSegment, isPlain, parseAnsi, stripAnsi } from "./ansi";

const MiB = 1024 * 1024;

/** CPU milliseconds (user + system) this process spends in fn: not wall-clock, so a busy machine does not fail it. */
function cpuMs(fn: () => void): number {
  const before = process.cpuUsage();
  fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

const visible = (segs: AnsiSegment[]) => segs.map((s) => s.text).join("");

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

  it("merges consecutive text of one style into one segment", () => {
    const segs = parseAnsi("\x1b[1mA\x1b[1mB\x1b[22m\x1b[1mC\x1b[0m\x1b[0mD\rE\x1b[33m\x1b[39mF");
    expect(segs.map(({ text, style }) => ({ text, style }))).toEqual([
      { text: "ABC", style: { bold: true } },
      { text: "DEF", style: {} },
    ]);
  });

  it("starts from a given style (a later chunk of a longer output)", () => {
    expect(parseAnsi("x\x1b[22my", { style: { bold: true, fg: 2 } }).map((s) => s.style)).toEqual([
      { bold: true, fg: 2 },
      { fg: 2 },
    ]);
  });

  it("renders at most maxStyled styled segments, the rest as one plain segment", () => {
    const segs = parseAnsi("\x1b[1mX\x1b[0mY".repeat(50), { maxStyled: 10 });
    expect(segs.filter((s) => !isPlain(s.style))).toHaveLength(10);
    expect(segs).toHaveLength(20);
    expect(segs.at(-1)?.text).toBe(`Y${"XY".repeat(40)}`);
    expect(visible(segs)).toBe("XY".repeat(50));
  });

  it("handles unterminated and pathological sequences in linear time", () => {
    const evil = `${"\x1b[".repeat(200_000)}${"\x1b]".repeat(200_000)}\x07x`;
    const out = stripAnsi(evil);
    expect(out.endsWith("x")).toBe(true);
    expect(stripAnsi(`\x1b[${"1;".repeat(100_000)}m ok`)).toContain("ok");
  });
});

describe("parseAnsi on 1 MiB of hostile output (CPU budget measured in this process)", () => {
  // Each takes well under 100 ms on the 2-core test machine; 1.5 s only catches quadratic work.
  const BUDGET_MS = 1500;

  it("alternating styles: bounded segments with the cap, merged and linear without it", () => {
    const input = "\x1b[1mX\x1b[0mY".repeat(100_000).slice(0, MiB);
    let capped: AnsiSegment[] = [];
    let all: AnsiSegment[] = [];
    expect(cpuMs(() => (capped = parseAnsi(input, { maxStyled: 1000 })))).toBeLessThan(BUDGET_MS);
    expect(capped.length).toBeLessThanOrEqual(2001);
    expect(cpuMs(() => (all = parseAnsi(input)))).toBeLessThan(BUDGET_MS);
    // One segment per style change, never one per character.
    expect(all.length).toBeLessThanOrEqual(Math.ceil(input.length / 5));
    expect(visible(capped)).toBe(visible(all));
  });

  it("1 MiB without a newline, in one style, is one segment", () => {
    const input = `\x1b[32m${"a".repeat(MiB)}`;
    let segs: AnsiSegment[] = [];
    expect(cpuMs(() => (segs = parseAnsi(input)))).toBeLessThan(BUDGET_MS);
    expect(segs).toHaveLength(1);
    expect(segs[0]?.text.length).toBe(MiB);
  });

  it("a mebibyte of unterminated CSI and OSC sequences and control bytes", () => {
    const inputs = [
      "\x1b[".repeat(MiB / 2),
      `\x1b[${"9".repeat(MiB)}`,
      "\x1b]".repeat(MiB / 2),
      `\x1b]${"t".repeat(MiB)}`,
      "\x1b".repeat(MiB),
      "a\x00\r\x08".repeat(MiB / 4),
      `\x1b[${"1;".repeat(31)}`.repeat(MiB / 64),
    ];
    for (const input of inputs) {
      let segs: AnsiSegment[] = [];
      expect(cpuMs(() => (segs = parseAnsi(input, { maxStyled: 1000 })))).toBeLessThan(BUDGET_MS);
      expect(segs.length).toBeLessThanOrEqual(2001);
    }
  });
});
