import type { DebugCategory, DebugFrame, DebugLocation } from "../types";

/** What a language parser recognised in one stage's output. */
export interface Finding {
  category: DebugCategory;
  /** One line, the program's or compiler's own words where possible. */
  title: string;
  /** Relevant output lines (tidied by the caller). */
  message: string[];
  /** Where the error is; the user's files only, most relevant first. */
  locations: DebugLocation[];
  /** User frames, outermost first, innermost last. */
  frames: DebugFrame[];
  /** Exception class or diagnostic kind, to pick a more specific hint (e.g. "EOFError"). */
  kind?: string;
}

export interface ParseContext {
  /** The user's file names, entry first. */
  files: readonly string[];
  /** Output of a compile stage that succeeded (its warnings can locate a later crash). */
  compileOutput?: string;
}

export interface LanguageParser {
  /** Reads a failed compile stage. */
  compile?: (output: string, ctx: ParseContext) => Finding | null;
  /** Reads a failed run (its stderr). */
  run?: (output: string, ctx: ParseContext) => Finding | null;
  /** The runtime may print its errors on stdout too (PHP with display_errors on). */
  errorsOnStdout?: boolean;
}

/** Frames innermost-last: the one a recursion repeats most, else the innermost. */
export function recursionFrame(frames: readonly DebugFrame[]): DebugFrame | undefined {
  const counts = new Map<string, number>();
  let best: DebugFrame | undefined;
  let bestCount = 0;
  for (let i = frames.length - 1; i >= 0; i--) {
    const f = frames[i];
    if (!f) continue;
    const key = `${f.file}:${f.line}`;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    if (n > bestCount) {
      best = f;
      bestCount = n;
    }
  }
  return best;
}

/** A location from a frame. */
export function frameLocation(frame: DebugFrame | undefined, message?: string): DebugLocation[] {
  if (!frame) return [];
  const loc: DebugLocation = { file: frame.file, line: frame.line };
  if (frame.column !== undefined) loc.column = frame.column;
  if (message) loc.message = message;
  return [loc];
}
