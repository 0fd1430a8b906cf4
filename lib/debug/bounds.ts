/**
 * How much of a run's output analysis reads, and how much a report may hold. Each stream of a
 * stage may be 1 MiB (the largest output limit) and the parsers are linear, but nobody learns
 * from the 18,000th undefined reference: reading a bounded part keeps every analysis within
 * milliseconds and every report small, whatever the program or its compiler printed.
 */
import type { StageResult } from "../sandbox/types";
import type { AnalyzeInput } from "./types";

/**
 * Compilers: the first errors matter (later ones are often their consequences), but the linker
 * speaks after all of the compiler's warnings, so the end is kept too: 96 KiB + 32 KiB.
 */
export const COMPILE_HEAD_CHARS = 96 * 1024;
export const COMPILE_TAIL_CHARS = 32 * 1024;
/**
 * Runtime errors: the traceback is at the end, while the start shows the first of a series of
 * errors (Bash, PHP warnings) and a failed fork: 32 KiB + 96 KiB.
 */
export const RUN_HEAD_CHARS = 32 * 1024;
export const RUN_TAIL_CHARS = 96 * 1024;
/** Places a report names (each compile error is one): more than anyone fixes in one go. */
export const MAX_LOCATIONS = 50;
/** Stack frames kept: the outermost (how it started) and the innermost (where it failed). */
export const OUTER_FRAMES = 10;
export const INNER_FRAMES = 20;
export const MAX_FRAMES = OUTER_FRAMES + INNER_FRAMES;
/** Room for the "left out" line, so bounding a bounded text changes nothing. */
const MARKER_ROOM = 128;

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;

/**
 * The first `head` and last `tail` characters of a text, cut at line ends where the text has
 * them (a single huge line is cut where it must, never inside a surrogate pair), with one line
 * saying how much was left out in between.
 */
export function boundText(text: string, head: number, tail: number): string {
  if (text.length <= head + tail + MARKER_ROOM) return text;
  let headEnd = text.lastIndexOf("\n", head - 1) + 1;
  if (headEnd === 0) headEnd = isHigh(text.charCodeAt(head - 1)) ? head - 1 : head;
  // A newline only at the very end would leave no tail: then the last line is cut instead.
  const nl = text.indexOf("\n", text.length - tail);
  const inLine = nl < 0 || nl === text.length - 1;
  let tailStart = inLine ? text.length - tail : nl + 1;
  if (inLine && isHigh(text.charCodeAt(tailStart - 1))) tailStart++;
  const left = tailStart - headEnd;
  const sep = text.charCodeAt(headEnd - 1) === 10 ? "" : "\n";
  return `${text.slice(0, headEnd)}${sep}[… ${left} characters left out …]\n${text.slice(tailStart)}`;
}

function boundStage(stage: StageResult | null, head: number, tail: number): StageResult | null {
  if (!stage) return null;
  return {
    ...stage,
    stdout: boundText(stage.stdout, head, tail),
    stderr: boundText(stage.stderr, head, tail),
    output: boundText(stage.output, head, tail),
  };
}

/** The input with every stream bounded: what analysis reads, and what is sent to its worker. */
export function boundInput(input: AnalyzeInput): AnalyzeInput {
  return {
    ...input,
    compile: boundStage(input.compile, COMPILE_HEAD_CHARS, COMPILE_TAIL_CHARS),
    run: boundStage(input.run, RUN_HEAD_CHARS, RUN_TAIL_CHARS),
  };
}
