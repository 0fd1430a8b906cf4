import "server-only";
import { getShare, isShareLive, isSlug } from "../db/shares";
import { findLanguage } from "../sandbox/languages";
import { ByteLru } from "./byte-lru";
import { PreparedRun } from "./prepared-run";

/**
 * Shares are immutable snapshots, so each is read, parsed and cut into chunks once and kept in a
 * cache bounded by bytes. Revoking is the only change: every hit still asks the database whether
 * the share is live (one tiny indexed read, so a revoke made by another process counts at once),
 * and the revoke action forgets the entry here.
 */
const CACHE_BYTES = 32 * 1024 * 1024;

export interface SharedRun {
  slug: string;
  createdAt: string;
  prepared: PreparedRun;
}

// Process-wide on globalThis: pages, route handlers and actions are separate bundles, and each
// would otherwise get its own copy of this module (and its own cache).
const g = globalThis as typeof globalThis & {
  __runboxShares?: { cache: ByteLru<SharedRun>; loading: Map<string, Promise<SharedRun | null>> };
};
g.__runboxShares ??= { cache: new ByteLru<SharedRun>(CACHE_BYTES), loading: new Map() };
/** `loading`: loads in progress, so parallel first views of one share parse it once. */
const { cache, loading } = g.__runboxShares;

async function load(slug: string): Promise<SharedRun | null> {
  const share = await getShare(slug);
  if (!share) return null;
  const s = share.snapshot;
  const prepared = new PreparedRun(s, findLanguage(s.language)?.defaultFile);
  // Every chunk table now, while the snapshot is at hand: then the entry's size is known and final.
  for (const part of prepared.parts) prepared.starts(part);
  const shared = { slug, createdAt: s.createdAt, prepared };
  cache.set(slug, shared, prepared.bytes());
  return shared;
}

/** A live share, prepared for pages and chunk routes; null when unknown or revoked. */
export async function loadSharedRun(slug: string): Promise<SharedRun | null> {
  if (!isSlug(slug)) return null;
  const hit = cache.get(slug);
  if (hit) {
    if (await isShareLive(slug)) return hit;
    cache.delete(slug);
    return null;
  }
  let pending = loading.get(slug);
  if (!pending) {
    pending = load(slug).finally(() => loading.delete(slug));
    loading.set(slug, pending);
  }
  return pending;
}

/** Drop a share from the cache (it was revoked). */
export function forgetSharedRun(slug: string): void {
  cache.delete(slug);
}
