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

/** How far back a run may be cut when it turns out to have taken the other stream's text. */
const MAX_GIVE_BACK = 1024;

/**
 * How `output` interleaves `stdout` and `stderr`, as alternating run lengths starting with
 * stdout, or null when this pass finds none. Greedy: each step takes the longer of the two
 * streams' matches. A run can overshoot (the next few characters of the other stream happen to
 * repeat its own), which shows as neither stream going on; the run then gives back the fewest
 * characters that let the other stream take over. Work is capped at a few passes over the
 * output (null past it), so hostile output costs linear time. Every character taken matched,
 * so a non-null answer always rebuilds `output` exactly.
 */
export function interleaving(stdout: string, stderr: string, output: string): number[] | null {
  if (output.length !== stdout.length + stderr.length) return null;
  const streams = [stdout, stderr] as const;
  const pos = [0, 0];
  const runs: number[] = [];
  let at = 0;
  let budget = 4 * output.length + 4096;
  const match = (s: 0 | 1, from: number, where: number) => {
    const n = matchLength(streams[s], from, output, where);
    budget -= n + 1;
    return n;
  };
  // Runs alternate stdout, stderr, stdout, …: the same stream twice in a row merges, and output
  // that starts on stderr starts with an empty stdout run.
  const take = (s: 0 | 1, length: number) => {
    const last = runs.length - 1;
    if (last >= 0 && last % 2 === s) runs[last] = (runs[last] ?? 0) + length;
    else {
      if (runs.length % 2 !== s) runs.push(0);
      runs.push(length);
    }
    pos[s] = (pos[s] ?? 0) + length;
    at += length;
  };
  while (at < output.length) {
    if (budget < 0) return null;
    const fromOut = match(0, pos[0] ?? 0, at);
    const fromErr = match(1, pos[1] ?? 0, at);
    if (fromOut > 0 || fromErr > 0) {
      if (fromOut >= fromErr) take(0, fromOut);
      else take(1, fromErr);
      continue;
    }
    const last = runs.length - 1;
    const x = (last % 2) as 0 | 1;
    const y = (1 - x) as 0 | 1;
    const length = runs[last] ?? 0;
    let mended = false;
    for (let d = 1; d < length && d <= MAX_GIVE_BACK && budget >= 0; d++) {
      const m = match(y, pos[y] ?? 0, at - d);
      if (m >= d) {
        runs[last] = length - d;
        pos[x] = (pos[x] ?? 0) - d;
        at -= d;
        take(y, m);
        mended = true;
        break;
      }
    }
    if (!mended) return null;
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
