import { type Token, tokenize } from "./tokenize";
import { type Fingerprint, K, winnow } from "./winnow";

export interface Document {
  id: string;
  language: string;
  code: string;
  tokens: Token[];
  prints: Fingerprint[];
  hashes: Set<number>;
}

/** Tokens and fingerprints of one file; `ignore` holds fingerprints not to count (the starter code's). */
export function fingerprint(id: string, language: string, code: string, ignore: Set<number> = new Set()): Document {
  const tokens = tokenize(code, language);
  const prints = winnow(tokens).filter((p) => !ignore.has(p.hash));
  return { id, language, code, tokens, prints, hashes: new Set(prints.map((p) => p.hash)) };
}

/** Character ranges [start, end) of `doc` covered by the given fingerprints, merged and sorted. */
export function regions(doc: Document, shared: Set<number>): [number, number][] {
  const spans: [number, number][] = [];
  for (const p of doc.prints) {
    if (!shared.has(p.hash)) continue;
    const first = doc.tokens[p.at];
    const last = doc.tokens[Math.min(doc.tokens.length - 1, p.at + K - 1)];
    if (first && last) spans.push([first.start, last.end]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const s of spans) {
    const top = merged.at(-1);
    if (top && s[0] <= top[1] + 1) top[1] = Math.max(top[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged;
}

export interface Match {
  a: string;
  b: string;
  /** Shared fingerprints over each side's own: how much of A is in B, and of B in A. */
  aShare: number;
  bShare: number;
  shared: Set<number>;
}

/** How much two documents share; null when either has no fingerprint left. */
export function compare(a: Document, b: Document): Match | null {
  if (a.hashes.size === 0 || b.hashes.size === 0) return null;
  const [small, large] = a.hashes.size <= b.hashes.size ? [a.hashes, b.hashes] : [b.hashes, a.hashes];
  const shared = new Set<number>();
  for (const h of small) if (large.has(h)) shared.add(h);
  return { a: a.id, b: b.id, aShare: shared.size / a.hashes.size, bShare: shared.size / b.hashes.size, shared };
}
