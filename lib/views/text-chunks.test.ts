import { describe, expect, it } from "vitest";
import { type AnsiStyle, parseAnsi } from "../ansi";
import {
  type ChunkLimits,
  CODE_CHUNK,
  chunkAt,
  chunkIndexOf,
  chunkStarts,
  OUTPUT_CHUNK,
  unitWeight,
} from "./text-chunks";

const MiB = 1024 * 1024;

function cpuMs(fn: () => void): number {
  const before = process.cpuUsage();
  fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** Every visible character with the style it is shown in: what a page renders. */
function styledChars(text: string, style?: AnsiStyle): string[] {
  return parseAnsi(text, { style }).flatMap((s) => [...s.text].map((ch) => `${ch}|${JSON.stringify(s.style)}`));
}

function chunksOf(text: string, limits: ChunkLimits) {
  const starts = chunkStarts(text, limits);
  return starts.map((_, i) => chunkAt(text, starts, i) as NonNullable<ReturnType<typeof chunkAt>>);
}

describe("chunkStarts", () => {
  it("cuts hostile output into chunks that add up to the original exactly", () => {
    const text = "\x1b[1mX\x1b[0mY".repeat(100_000).slice(0, MiB);
    const chunks = chunksOf(text, OUTPUT_CHUNK);
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.map((c) => c.text).join("")).toBe(text);
    for (const c of chunks) {
      let w = 0;
      for (let k = 0; k < c.text.length; k++) w += unitWeight(c.text.charCodeAt(k));
      expect(w).toBeLessThanOrEqual(OUTPUT_CHUNK.weight);
      // Never inside an escape sequence: every chunk starts with one, as the input does.
      expect(c.text.startsWith("\x1b[")).toBe(true);
    }
    expect(chunks.at(-1)?.next).toBeNull();
  });

  it("renders each chunk from its start style exactly as the whole would render", () => {
    let text = "";
    for (let i = 0; i < 6000; i++)
      text += `${i % 7 === 0 ? "\x1b[3" : "\x1b[9"}${i % 8}m${i % 5 === 0 ? "\x1b[1m" : ""}line ${i} <&>\n${i % 11 === 0 ? "\x1b[0m" : ""}`;
    const small: ChunkLimits = { weight: 4096, lines: 100, ansi: true };
    const chunks = chunksOf(text, small);
    expect(chunks.length).toBeGreaterThan(50);
    expect(chunks.flatMap((c) => styledChars(c.text, c.style))).toEqual(styledChars(text));
  });

  it("stops at the line limit and never splits a surrogate pair", () => {
    const lines = chunksOf("a\n".repeat(5000), OUTPUT_CHUNK);
    expect(lines.map((c) => c.text.split("\n").length - 1)).toEqual([2000, 2000, 1000]);
    const emoji = chunksOf("😀".repeat(50_000), { weight: 1001, lines: 10, ansi: false });
    for (const c of emoji) expect(c.text.length % 2).toBe(0);
    expect(emoji.map((c) => c.text).join("")).toBe("😀".repeat(50_000));
  });

  it("weighs what rendering escapes: 64 KiB of '&' is a smaller chunk than 64 KiB of letters", () => {
    expect(chunksOf("&".repeat(MiB), CODE_CHUNK)[0]?.text.length).toBeLessThan(11_000);
    expect(chunksOf("a".repeat(MiB), CODE_CHUNK)[0]?.text.length).toBe(64 * 1024);
  });

  it("always advances, even past an escape sequence longer than a chunk", () => {
    const text = `\x1b]${"t".repeat(3000)}\x07x`;
    const chunks = chunksOf(text, { weight: 100, lines: 10, ansi: true });
    expect(chunks.map((c) => c.text).join("")).toBe(text);
    expect(chunks[0]?.text.length).toBe(3003);
  });

  it("scans 1 MiB of hostile text in linear time (CPU budget measured in this process)", () => {
    const inputs = [
      "\x1b[1mX\x1b[0mY".repeat(100_000).slice(0, MiB),
      "\x1b[".repeat(MiB / 2),
      "\x1b]".repeat(MiB / 2),
      "\n".repeat(MiB),
      "x".repeat(MiB),
    ];
    for (const input of inputs) expect(cpuMs(() => chunkStarts(input, OUTPUT_CHUNK))).toBeLessThan(1500);
  });
});

describe("chunkIndexOf", () => {
  it("finds exact chunk starts only", () => {
    const starts = chunkStarts("a\n".repeat(5000), OUTPUT_CHUNK);
    expect(chunkIndexOf(starts, 0)).toBe(0);
    expect(chunkIndexOf(starts, 4000)).toBe(1);
    expect(chunkIndexOf(starts, 8000)).toBe(2);
    expect(chunkIndexOf(starts, 4001)).toBe(-1);
    expect(chunkIndexOf(starts, 10_000)).toBe(-1);
  });
});
