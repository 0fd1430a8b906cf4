import type { Token } from "./tokenize";

/**
 * Winnowing (Schleimer, Wilkerson, Aiken 2003, the algorithm behind MOSS): hash every k-gram of
 * tokens, then keep the smallest hash of each window of w consecutive k-grams (the rightmost on
 * ties). Any match of at least w + k − 1 tokens is then certain to share a fingerprint, and
 * matches shorter than k tokens are ignored as noise.
 */
export const K = 5;
export const W = 4;

export interface Fingerprint {
  hash: number;
  /** Index of the k-gram's first token. */
  at: number;
}

/** FNV-1a over the token kinds of one k-gram (32 bits). */
function kgramHash(tokens: Token[], from: number, k: number): number {
  let h = 0x811c9dc5;
  for (let t = from; t < from + k; t++) {
    const kind = (tokens[t] as Token).kind;
    for (let j = 0; j < kind.length; j++) {
      h ^= kind.charCodeAt(j);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0x1f;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function winnow(tokens: Token[], k = K, w = W): Fingerprint[] {
  const n = tokens.length - k + 1;
  if (n <= 0) return [];
  const hashes = new Array<number>(n);
  for (let i = 0; i < n; i++) hashes[i] = kgramHash(tokens, i, k);
  const out: Fingerprint[] = [];
  let last = -1;
  const windows = Math.max(1, n - w + 1);
  for (let s = 0; s < windows; s++) {
    let min = s;
    for (let j = s + 1; j < Math.min(s + w, n); j++) if ((hashes[j] as number) <= (hashes[min] as number)) min = j;
    if (min !== last) {
      out.push({ hash: hashes[min] as number, at: min });
      last = min;
    }
  }
  return out;
}
