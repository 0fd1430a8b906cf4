import "server-only";
import { timingSafeEqual } from "node:crypto";
import { nanoid } from "nanoid";
import { type Role, roleOf } from "../auth/roles";
import type { WindowUsage } from "../http/key-rate-headers";
import { db } from "./client";
import { isKey } from "./keys";

/** Keys one user may hold at once (unrevoked): each has its own quota, so they must not multiply. */
export const MAX_KEYS_PER_USER = 20;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** A key as lists show it (never its token or hash). */
export interface ApiKeyInfo {
  id: string;
  userId: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  /** null: the server's default. */
  perMinute: number | null;
  perDay: number | null;
  /** Runs counted today (UTC). */
  runsToday: number;
  totalRuns: number;
}

/** The key behind a token, as authentication needs it. */
export interface KeyOwner {
  id: string;
  revoked: boolean;
  perMinute: number | null;
  perDay: number | null;
  user: { id: string; username: string; role: Role };
}

const INFO = {
  id: true,
  userId: true,
  name: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  perMinute: true,
  perDay: true,
  dayWindow: true,
  dayCount: true,
  totalRuns: true,
} as const;

type InfoRow = { dayWindow: number; dayCount: number } & Omit<ApiKeyInfo, "runsToday">;
const sameHash = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
const dayOf = (now: number) => Math.floor(now / DAY_MS);
const toInfo = ({ dayWindow, dayCount, ...r }: InfoRow, now = Date.now()): ApiKeyInfo => ({
  ...r,
  runsToday: dayWindow === dayOf(now) ? dayCount : 0,
});

/**
 * Store a new key; "too_many" when the user already holds MAX_KEYS_PER_USER. Counted after the
 * insert (and the new key taken back when over), so two creations at once cannot both slip in.
 */
export async function createApiKey(k: {
  userId: string;
  name: string;
  tokenHash: string;
  prefix: string;
}): Promise<ApiKeyInfo | "too_many"> {
  const client = await db();
  const row = await client.apiKey.create({ data: { id: nanoid(), ...k }, select: INFO });
  const held = await client.apiKey.count({ where: { userId: k.userId, revokedAt: null } });
  if (held > MAX_KEYS_PER_USER) {
    await client.apiKey.delete({ where: { id: row.id } });
    return "too_many";
  }
  return toInfo(row);
}

/** A user's keys, newest first (revoked ones too, to show when they stopped). */
export async function listUserKeys(userId: string): Promise<ApiKeyInfo[]> {
  const rows = await (await db()).apiKey.findMany({
    where: { userId },
    select: INFO,
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    take: 100,
  });
  return rows.map((r) => toInfo(r));
}

/** Every key with its owner's name (the admin page), most used today first. */
export async function listAllKeys(take = 500): Promise<(ApiKeyInfo & { username: string })[]> {
  const rows = await (await db()).apiKey.findMany({
    select: { ...INFO, user: { select: { username: true } } },
    orderBy: [{ lastUsedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
    take,
  });
  return rows.map(({ user, ...r }) => ({ ...toInfo(r), username: user.username }));
}

/**
 * The key stored under this token hash, with its owner; null when there is none. Looked up by
 * the hash, so timing tells a caller at most about hashes, which open nothing without a token
 * (finding a token for a hash is a SHA-256 preimage). The stored hash is compared again in
 * constant time, so a lookup that matched loosely (a collation, a future index change) still
 * opens only the key whose hash is exactly this one.
 */
export async function findKeyByHash(tokenHash: string): Promise<KeyOwner | null> {
  if (!/^[0-9a-f]{64}$/.test(tokenHash)) return null;
  const row = await (await db()).apiKey.findUnique({
    where: { tokenHash },
    select: {
      tokenHash: true,
      id: true,
      revokedAt: true,
      perMinute: true,
      perDay: true,
      user: { select: { id: true, username: true, role: true } },
    },
  });
  if (!row || !sameHash(row.tokenHash, tokenHash)) return null;
  const { revokedAt, user, tokenHash: _stored, ...rest } = row;
  return { ...rest, revoked: revokedAt !== null, user: { ...user, role: roleOf(user.role) } };
}

/** Revoke a key (of this user only, when `userId` is given); false when there was no live key. */
export async function revokeApiKey(id: string, userId?: string): Promise<boolean> {
  if (!isKey(id)) return false;
  const { count } = await (await db()).apiKey.updateMany({
    where: { id, revokedAt: null, ...(userId ? { userId } : {}) },
    data: { revokedAt: new Date() },
  });
  return count > 0;
}

/** An admin's limits for a key (null: the server's default); false when there is no such key. */
export async function setApiKeyLimits(
  id: string,
  limits: { perMinute: number | null; perDay: number | null },
): Promise<boolean> {
  if (!isKey(id)) return false;
  const { count } = await (await db()).apiKey.updateMany({ where: { id }, data: limits });
  return count > 0;
}

export type KeyRunCount =
  | { ok: true; minute: WindowUsage; day: WindowUsage }
  | { ok: false; hit: "minute" | "day"; minute: WindowUsage; day: WindowUsage }
  | { ok: false; hit: "revoked" };

/**
 * Count one run against a key's per-minute rate and daily quota, in the database, so every
 * instance sees the same counts. The increment is one conditional UPDATE (the windows are the
 * current ones and both counts are under their limits), so concurrent runs can never pass a
 * limit together; windows that have passed are started over by updates that only apply while
 * the stored window is older. Windows are fixed: the clock's minute and the UTC day.
 */
export async function countKeyRun(
  id: string,
  limits: { perMinute: number; perDay: number },
  now = Date.now(),
): Promise<KeyRunCount> {
  const client = await db();
  let minute = Math.floor(now / MINUTE_MS);
  let day = dayOf(now);
  for (let attempt = 0; attempt < 4; attempt++) {
    const { count } = await client.apiKey.updateMany({
      where: {
        id,
        revokedAt: null,
        minuteWindow: minute,
        dayWindow: day,
        minuteCount: { lt: limits.perMinute },
        dayCount: { lt: limits.perDay },
      },
      data: {
        minuteCount: { increment: 1 },
        dayCount: { increment: 1 },
        totalRuns: { increment: 1 },
        lastUsedAt: new Date(now),
      },
    });
    const row = await client.apiKey.findUnique({
      where: { id },
      select: { revokedAt: true, minuteWindow: true, minuteCount: true, dayWindow: true, dayCount: true },
    });
    if (!row || row.revokedAt) return { ok: false, hit: "revoked" };
    const usage = (w: number, current: number, used: number, limit: number, ms: number): WindowUsage => ({
      used: w === current ? used : 0,
      limit,
      resetSec: Math.max(1, Math.ceil(((current + 1) * ms - now) / 1000)),
    });
    const minuteUsage = usage(row.minuteWindow, minute, row.minuteCount, limits.perMinute, MINUTE_MS);
    const dayUsage = usage(row.dayWindow, day, row.dayCount, limits.perDay, DAY_MS);
    if (count > 0) return { ok: true, minute: minuteUsage, day: dayUsage };
    if (row.minuteWindow === minute && row.dayWindow === day) {
      if (row.dayCount >= limits.perDay) return { ok: false, hit: "day", minute: minuteUsage, day: dayUsage };
      if (row.minuteCount >= limits.perMinute) return { ok: false, hit: "minute", minute: minuteUsage, day: dayUsage };
      // Under both limits now: another run started the windows over between our update and our
      // read (the update saw the old ones). Count again rather than refuse.
      continue;
    }
    // Another instance whose clock runs ahead opened a later window: count in that one.
    minute = Math.max(minute, row.minuteWindow);
    day = Math.max(day, row.dayWindow);
    await client.apiKey.updateMany({
      where: { id, minuteWindow: { lt: minute } },
      data: { minuteWindow: minute, minuteCount: 0 },
    });
    await client.apiKey.updateMany({ where: { id, dayWindow: { lt: day } }, data: { dayWindow: day, dayCount: 0 } });
  }
  // Windows kept moving under us (clocks far apart): refuse this once rather than loop.
  const reset = { used: 0, limit: limits.perMinute, resetSec: 1 };
  return { ok: false, hit: "minute", minute: reset, day: { ...reset, limit: limits.perDay } };
}
