import type { StageResult } from "../sandbox/types";

/** How much of the code, and of each stage's output, history search looks at (UTF-16 units). */
export const SEARCH_CODE_CHARS = 16 * 1024;
export const SEARCH_OUTPUT_CHARS = 8 * 1024;

/**
 * Search text is lower-cased here, and so is the query, so `contains` is case-insensitive for
 * every script on SQLite and PostgreSQL alike. NUL becomes a space (PostgreSQL text cannot hold
 * it), and a cut never leaves half a surrogate pair.
 */
export function normalizeSearch(text: string, maxChars = Number.POSITIVE_INFINITY): string {
  let cut = text.length > maxChars ? text.slice(0, maxChars) : text;
  const last = cut.charCodeAt(cut.length - 1);
  if (cut.length < text.length && last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return cut.toLowerCase().replaceAll("\0", " ");
}

/** The searchable start of a run's code: every file, in order. */
export function searchCodeOf(files: readonly { content: string }[]): string {
  let joined = "";
  for (const file of files) {
    joined += `${file.content}\n`;
    if (joined.length >= SEARCH_CODE_CHARS) break;
  }
  return normalizeSearch(joined, SEARCH_CODE_CHARS);
}

/** The searchable start of a run's output: compile output, then the program's. */
export function searchOutputOf(compile: StageResult | null | undefined, run: StageResult | null | undefined): string {
  const parts = [compile, run].map((stage) => normalizeSearch(stage?.output ?? "", SEARCH_OUTPUT_CHARS));
  return parts.filter(Boolean).join("\n");
}
