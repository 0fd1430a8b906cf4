/**
 * Cutting a long stored text (program output, a source file, stdin) into chunks a page can
 * afford to render. A chunk's size is measured in what it may cost once rendered: HTML and the
 * JSON of React's payload escape `<`, `&`, quotes and control characters into several bytes, so
 * those weigh more than a letter. Chunks never split a surrogate pair or (for output) an ANSI
 * escape sequence, and each records the ANSI style in effect where it starts, so it can be
 * rendered on its own.
 */
import { type AnsiStyle, applySgr, PLAIN, scanEscape } from "../ansi";

export interface ChunkLimits {
  /** Rendered weight per chunk (≈ bytes of HTML or payload it may produce). */
  weight: number;
  /** Lines per chunk: long outputs are mostly short lines, and each costs layout in the browser. */
  lines: number;
  /** Whether the text is terminal output (escape sequences are kept whole and their styles tracked). */
  ansi: boolean;
}

export const OUTPUT_CHUNK: ChunkLimits = { weight: 64 * 1024, lines: 2000, ansi: true };
export const CODE_CHUNK: ChunkLimits = { weight: 64 * 1024, lines: 2000, ansi: false };
export const STDIN_CHUNK: ChunkLimits = { weight: 16 * 1024, lines: 500, ansi: false };

export interface ChunkStart {
  offset: number;
  /** ANSI style in effect at `offset` (always plain for non-output text). */
  style: AnsiStyle;
}

/** What one UTF-16 code unit may cost: its UTF-8 bytes, or its longest escaped form in HTML or JSON. */
export function unitWeight(c: number): number {
  if (c >= 0x80) return c < 0x800 ? 2 : 3;
  if (c === 0x0a || c === 0x09) return 3; // "\\n" inside a JSON string inside a script
  if (c < 0x20 || c === 0x7f) return 7; // "\\u001b"
  if (c === 0x26 || c === 0x3c || c === 0x3e || c === 0x22 || c === 0x27) return 6; // &amp; &lt; &quot; \u0026…
  if (c === 0x5c) return 4;
  return 1;
}

function weightOf(text: string, from: number, to: number): number {
  let w = 0;
  for (let k = from; k < to; k++) w += unitWeight(text.charCodeAt(k));
  return w;
}

/**
 * The chunk that starts at `start` with `style`: where it ends and the style in effect there.
 * At least one unit (or one whole escape sequence) is always taken, so a scan always advances.
 */
export function scanChunk(
  text: string,
  start: number,
  style: AnsiStyle,
  limits: ChunkLimits,
): { end: number; style: AnsiStyle; weight: number } {
  const n = text.length;
  let i = start;
  let weight = 0;
  let lines = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let end = i + 1;
    let sgr: string | null = null;
    if (c === 0x1b && limits.ansi) ({ end, sgr } = scanEscape(text, i));
    else if (c >= 0xd800 && c <= 0xdbff && end < n) {
      const d = text.charCodeAt(end);
      if (d >= 0xdc00 && d <= 0xdfff) end++;
    }
    const w = end - i === 1 ? unitWeight(c) : weightOf(text, i, end);
    if (weight + w > limits.weight && i > start) break;
    weight += w;
    if (sgr !== null) style = applySgr(style, sgr);
    i = end;
    if (c === 0x0a && ++lines >= limits.lines) break;
  }
  return { end: i, style, weight };
}

/** Every chunk start of a text, in order; the first is { offset: 0, style: plain }. One linear pass. */
export function chunkStarts(text: string, limits: ChunkLimits): ChunkStart[] {
  const starts: ChunkStart[] = [{ offset: 0, style: PLAIN }];
  let at = 0;
  let style: AnsiStyle = PLAIN;
  for (;;) {
    const next = scanChunk(text, at, style, limits);
    if (next.end >= text.length) return starts;
    at = next.end;
    style = next.style;
    starts.push({ offset: at, style });
  }
}

/** The chunk of `text` starting at a known chunk start, with where the next one starts (null at the end). */
export function chunkAt(
  text: string,
  starts: ChunkStart[],
  index: number,
): { text: string; offset: number; next: number | null; style: AnsiStyle } | null {
  const here = starts[index];
  if (!here) return null;
  const following = starts[index + 1];
  const end = following ? following.offset : text.length;
  return { text: text.slice(here.offset, end), offset: here.offset, next: following ? end : null, style: here.style };
}

/** Index of the chunk starting exactly at `offset` (binary search), or -1. */
export function chunkIndexOf(starts: ChunkStart[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = (starts[mid] as ChunkStart).offset;
    if (at === offset) return mid;
    if (at < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
