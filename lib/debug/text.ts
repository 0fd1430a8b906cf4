/**
 * Small text helpers shared by the parsers. Program output can be a megabyte of hostile text:
 * everything here is a single pass, and regexes only ever see one line capped at MAX_LINE.
 */
/** Longest line a parser regex is run on; longer lines are cut (no error line is this long). */
export const MAX_LINE = 2000;
/** Lines kept in a report's message. */
const MAX_MESSAGE_LINES = 40;
const MAX_MESSAGE_CHARS = 4000;
/** A run of identical lines (or blocks) longer than this collapses to two copies and a count. */
const MAX_REPEATS = 3;
const MAX_PERIOD = 3;
/** How much of the end of an output tailMessage looks at. */
const TAIL_CHARS = 64 * 1024;

/**
 * Terminal escapes: CSI (colours, cursor moves), OSC (titles, links; it ends at BEL or ESC \ and
 * its body cannot contain ESC, so a scan never passes the next escape) and two-byte escapes.
 * The classes of the CSI part do not overlap, so nothing backtracks.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching terminal escapes is the point
const ESCAPES = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[\s\S]?)/g;
/** Other control characters (tab and newline stay). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** Text without terminal escapes and control characters (carriage returns included). */
export function stripAnsi(text: string): string {
  return text.replace(ESCAPES, "").replace(CONTROLS, "");
}

/** Output as lines without ANSI colour codes or carriage returns, each cut to MAX_LINE. */
export function toLines(output: string): string[] {
  return stripAnsi(output)
    .split("\n")
    .map((l) => (l.length > MAX_LINE ? l.slice(0, MAX_LINE) : l));
}

/** Lines with container paths removed, runs of identical lines collapsed, and the total capped. */
export function tidyMessage(lines: readonly string[]): string {
  const out = collapseRepeats(lines);
  while (out.length > 0 && (out.at(-1) ?? "").trim() === "") out.pop();
  while (out.length > 0 && (out[0] ?? "").trim() === "") out.shift();
  let kept = out;
  if (kept.length > MAX_MESSAGE_LINES) {
    // Keep the start (what failed) and the end (the error itself, for tracebacks).
    const head = kept.slice(0, MAX_MESSAGE_LINES / 2);
    const tail = kept.slice(-MAX_MESSAGE_LINES / 2);
    kept = [...head, `    [… ${kept.length - head.length - tail.length} lines left out …]`, ...tail];
  }
  let text = stripContainerPaths(kept.join("\n"));
  if (text.length > MAX_MESSAGE_CHARS) text = `${text.slice(0, MAX_MESSAGE_CHARS)}\n[… cut …]`;
  return text;
}

/**
 * Runs of a repeated line, or of a repeated block of up to MAX_PERIOD lines (Go prints each
 * frame as two lines), shortened to two copies and a count. Linear: a block is only counted
 * from where it starts, and a long run is skipped in one step.
 */
function collapseRepeats(lines: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  outer: while (i < lines.length) {
    for (let period = 1; period <= MAX_PERIOD && i + period * (MAX_REPEATS + 1) <= lines.length; period++) {
      let copies = 1;
      while (sameBlock(lines, i, i + copies * period, period)) copies++;
      if (copies > MAX_REPEATS) {
        const block = lines.slice(i, i + period);
        out.push(...block, ...block);
        const what = period === 1 ? "line" : `${period} lines`;
        out.push(`    [the ${what} above repeat${period === 1 ? "s" : ""} ${copies - 2} more times]`);
        i += copies * period;
        continue outer;
      }
    }
    out.push(lines[i] ?? "");
    i++;
  }
  return out;
}

function sameBlock(lines: readonly string[], a: number, b: number, period: number): boolean {
  if (b + period > lines.length) return false;
  for (let k = 0; k < period; k++) if (lines[a + k] !== lines[b + k]) return false;
  return true;
}

/** The last `count` non-blank lines of an output, tidied (for runs that end without an error). */
export function tailMessage(output: string, count: number): string {
  // Only the end matters; a megabyte of output need not be split into lines for it.
  const lines = toLines(output.length > TAIL_CHARS ? output.slice(-TAIL_CHARS) : output);
  let end = lines.length;
  while (end > 0 && (lines[end - 1] ?? "").trim() === "") end--;
  return tidyMessage(lines.slice(Math.max(0, end - count), end));
}

/**
 * Where programs live inside the container, so no report shows them: sources in /box, tsc
 * output in /tmp/runbox/out, javac output in /tmp/runbox/classes, the binary /tmp/runbox/app.
 */
const CONTAINER_DIR = /(?<![\w.])(?:file:\/\/)?\/(?:box|tmp\/runbox\/(?:out|classes))\//g;
const CONTAINER_BIN = /(?<![\w.])\/tmp\/runbox\/app\b/g;
const CONTAINER_OTHER = /(?<![\w.])\/tmp\/runbox\//g;

export function stripContainerPaths(text: string): string {
  return text.replace(CONTAINER_DIR, "").replace(CONTAINER_BIN, "app").replace(CONTAINER_OTHER, "");
}

/** Cut a headline to one short line. */
export function headline(text: string, max = 160): string {
  const one = stripContainerPaths(text.trim().replace(/\s+/g, " "));
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** "foo:12:3" → { path: "foo", line: 12, column: 3 } (column optional), split from the right. */
export function splitPosition(text: string): { path: string; line: number; column?: number } | null {
  const last = text.lastIndexOf(":");
  if (last <= 0) return null;
  const tail = text.slice(last + 1);
  if (!/^\d+$/.test(tail)) return null;
  const before = text.slice(0, last);
  const prev = before.lastIndexOf(":");
  if (prev > 0 && /^\d+$/.test(before.slice(prev + 1))) {
    return { path: before.slice(0, prev), line: Number(before.slice(prev + 1)), column: Number(tail) };
  }
  return { path: before, line: Number(tail) };
}
