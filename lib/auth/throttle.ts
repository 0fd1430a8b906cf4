import { env } from "../env";
import { limitStore } from "../http/limit-store";

/**
 * Sign-in throttling, two ways:
 * - per account, in the database (User.failedSignIns, lastFailedAt), so it holds across restarts
 *   and instances: after 5 failures in a row each attempt waits 30 s, doubling up to 15 min,
 *   whatever the address; a success resets it. While an account waits, even the right password is
 *   refused, or the wait would protect nothing.
 * - per client address (a token bucket, RUNBOX_SIGNIN_RATE_LIMIT_PER_MINUTE, shared by instances): sign-ins,
 *   sign-ups and class joins together, which bounds the scrypt work and join-code guessing one
 *   address can cause (in memory on SQLite, where a restart refills it). The per-account wait is what
 *   guards passwords.
 */
export const FREE_FAILURES = 5;
const FIRST_WAIT_MS = 30_000;
const MAX_WAIT_MS = 15 * 60_000;

/** How long an account with `failed` failures in a row waits after the last one. */
export function waitAfterFailures(failed: number): number {
  if (failed < FREE_FAILURES) return 0;
  return Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** (failed - FREE_FAILURES));
}

/** Milliseconds until the account may try again (0: now). */
export function lockedForMs(u: { failedSignIns: number; lastFailedAt: Date | null }, now = Date.now()): number {
  const wait = waitAfterFailures(u.failedSignIns);
  if (wait === 0 || !u.lastFailedAt) return 0;
  return Math.max(0, u.lastFailedAt.getTime() + wait - now);
}

/** Take one attempt for an address key (counted across instances); the seconds to wait when refused. */
export async function takeAuthAttempt(
  addressKey: string,
): Promise<{ allowed: true } | { allowed: false; retryAfterSec: number }> {
  const r = await limitStore().take("signin", env().RUNBOX_SIGNIN_RATE_LIMIT_PER_MINUTE, [addressKey]);
  return r.allowed ? { allowed: true } : { allowed: false, retryAfterSec: r.resetSec };
}
