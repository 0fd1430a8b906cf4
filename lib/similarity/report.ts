import { compare, type Document, fingerprint, type Match, regions } from "./compare";

/** A document without some fingerprints (no second tokenization). */
function without(d: Document, drop: Set<number> | undefined): Document {
  if (!drop || drop.size === 0) return d;
  const prints = d.prints.filter((p) => !drop.has(p.hash));
  return { ...d, prints, hashes: new Set(prints.map((p) => p.hash)) };
}

import { tokenize } from "./tokenize";
import { winnow } from "./winnow";

/** The most submissions one report compares (pairs grow as n²: 200 → 19,900 pairs, well under a second). */
export const MAX_DOCUMENTS = 200;
/** A fingerprint in more submissions than this (and than half of them) is ignored. */
const COMMON_MIN = 10;
/** Pairs shown at most, most similar first. */
export const MAX_PAIRS = 50;

export interface Submitted {
  id: string;
  owner: string;
  language: string;
  code: string;
}

export interface PairReport {
  a: Submitted;
  b: Submitted;
  /** The larger of the two shares (0–1). */
  similarity: number;
  aShare: number;
  bShare: number;
  aRegions: [number, number][];
  bRegions: [number, number][];
}

/**
 * Pairs of submissions (same language only) whose fingerprints overlap at least `threshold` on
 * either side. Fingerprints of the starter code, and those in more than half of the submissions
 * (code everyone writes alike, when there are more than 10), are left out, as MOSS does with its base files.
 */
export function similarityReport(
  submitted: Submitted[],
  opts: { threshold?: number; starter?: Record<string, string> } = {},
): { pairs: PairReport[]; compared: number; truncated: boolean } {
  const threshold = opts.threshold ?? 0.5;
  const docs = submitted.slice(0, MAX_DOCUMENTS);
  const starterPrints = new Map<string, Set<number>>();
  for (const [language, code] of Object.entries(opts.starter ?? {}))
    starterPrints.set(language, new Set(winnow(tokenize(code, language)).map((p) => p.hash)));
  let fingerprinted: Document[] = docs.map((s) => fingerprint(s.id, s.language, s.code, starterPrints.get(s.language)));
  // Fingerprints in most submissions of a language (more than half, and more than 10 as MOSS's
  // default) are code everyone writes alike, not copying.
  const seen = new Map<string, number>();
  const perLanguage = new Map<string, number>();
  for (const d of fingerprinted) {
    perLanguage.set(d.language, (perLanguage.get(d.language) ?? 0) + 1);
    for (const h of d.hashes) seen.set(`${d.language}:${h}`, (seen.get(`${d.language}:${h}`) ?? 0) + 1);
  }
  const common = (language: string) => {
    const limit = Math.max(COMMON_MIN, (perLanguage.get(language) ?? 0) / 2);
    return new Set(
      [...seen]
        .filter(([k, n]) => n > limit && k.startsWith(`${language}:`))
        .map(([k]) => Number(k.slice(language.length + 1))),
    );
  };
  const commonBy = new Map([...perLanguage.keys()].map((l) => [l, common(l)]));
  fingerprinted = fingerprinted.map((d) => without(d, commonBy.get(d.language)));
  const byId = new Map(docs.map((d) => [d.id, d]));
  const docById = new Map(fingerprinted.map((d) => [d.id, d]));
  // Shared fingerprints per pair through an inverted index (fingerprint → submissions), so only
  // pairs that share something are looked at; each rare fingerprint is in at most a few of them.
  const n = fingerprinted.length;
  const sharedCount = new Uint32Array(n * n);
  const postings = new Map<string, number[]>();
  fingerprinted.forEach((d, i) => {
    for (const h of d.hashes) {
      const key = `${d.language}:${h}`;
      const list = postings.get(key);
      if (list) {
        for (const j of list) sharedCount[j * n + i] = (sharedCount[j * n + i] as number) + 1;
        list.push(i);
      } else postings.set(key, [i]);
    }
  });
  const matches: Match[] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const count = sharedCount[i * n + j] as number;
      if (count === 0) continue;
      const a = fingerprinted[i] as Document;
      const b = fingerprinted[j] as Document;
      if (count / Math.min(a.hashes.size, b.hashes.size) < threshold) continue;
      const m = compare(a, b);
      if (m && Math.max(m.aShare, m.bShare) >= threshold) matches.push(m);
    }
  matches.sort((x, y) => Math.max(y.aShare, y.bShare) - Math.max(x.aShare, x.bShare));
  const pairs = matches.slice(0, MAX_PAIRS).map((m) => ({
    a: byId.get(m.a) as Submitted,
    b: byId.get(m.b) as Submitted,
    similarity: Math.max(m.aShare, m.bShare),
    aShare: m.aShare,
    bShare: m.bShare,
    aRegions: regions(docById.get(m.a) as Document, m.shared),
    bRegions: regions(docById.get(m.b) as Document, m.shared),
  }));
  return { pairs, compared: docs.length, truncated: submitted.length > docs.length };
}
