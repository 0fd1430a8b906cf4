import type { StageResult } from "../sandbox/types";

/**
 * A StageResult as stored: stdout and stderr once, plus how they interleave (`i`: alternating
 * run lengths in UTF-16 code units, stdout first) instead of a second copy in `output`. When
 * `output` is not such an interleaving (or the map would be longer than the text), `o` keeps it
 * verbatim instead.
 */
export type StoredStage = Omit<StageResult, "output"> & { i?: number[]; o?: string };

/** Length of the common prefix of a[from..] and b[at..]. */
function matchLength(a: string, from: number, b: string, at: number): number {
  let n = 0;
  while (from + n < a.length && at + n < b.length && a.charCodeAt(from + n) === b.charCodeAt(at + n)) n++;
  return n;
}

/**
 * How `output` interleaves `stdout` and `stderr`, as alternating run lengths starting with
 * stdout, or null when it is not an interleaving this greedy pass finds. Linear time: each step
 * takes the longer of the two matches, and the shorter one cost no more to measure. Every
 * character taken matched, so a non-null answer always rebuilds `output` exactly.
 */
export function interleaving(stdout: string, stderr: string, output: string): number[] | null {
  if (output.length !== stdout.length + stderr.length) return null;
  const runs: number[] = [];
  let out = 0;
  let err = 0;
  let at = 0;
  while (at < output.length) {
    const fromOut = matchLength(stdout, out, output, at);
    const fromErr = matchLength(stderr, err, output, at);
    if (fromOut === 0 && fromErr === 0) return null;
    const stream = fromOut >= fromErr ? 0 : 1;
    const length = stream === 0 ? fromOut : fromErr;
    // runs alternate stdout, stderr, stdout, …: the same stream twice in a row merges, and
    // output that starts on stderr starts with an empty stdout run.
    const last = runs.length - 1;
    if (last >= 0 && last % 2 === stream) runs[last] = (runs[last] ?? 0) + length;
    else {
      if (runs.length % 2 !== stream) runs.push(0);
      runs.push(length);
    }
    if (stream === 0) out += length;
    else err += length;
    at += length;
  }
  return runs;
}

/** stdout and stderr put back together along the run lengths `interleaving` found. */
export function interleave(stdout: string, stderr: string, runs: readonly number[]): string {
  const parts: string[] = [];
  let out = 0;
  let err = 0;
  runs.forEach((length, index) => {
    if (index % 2 === 0) {
      parts.push(stdout.slice(out, out + length));
      out += length;
    } else {
      parts.push(stderr.slice(err, err + length));
      err += length;
    }
  });
  return parts.join("");
}

/** The stored form of a stage: its output kept once. */
export function packStage(stage: StageResult): StoredStage {
  const { output, ...rest } = stage;
  const runs = interleaving(stage.stdout, stage.stderr, output);
  // A map of many tiny runs can outweigh the text it replaces: keep whichever is smaller.
  if (runs && JSON.stringify(runs).length < output.length + 8) return { ...rest, i: runs };
  return { ...rest, o: output };
}

/** A stored stage back in today's shape (and key order), its output rebuilt. */
export function unpackStage(stored: StoredStage): StageResult {
  const { i, o, stdout, stderr, ...rest } = stored;
  const output = o ?? interleave(stdout, stderr, i ?? []);
  return { stdout, stderr, output, ...rest };
}
