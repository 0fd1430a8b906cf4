/** One limit's state, as a key's count reports it (lib/db/api-keys.ts). */
export interface WindowUsage {
  used: number;
  limit: number;
  /** Seconds until this window starts over. */
  resetSec: number;
}

/** "3 h 12 min", "12 min", "40 s": how long until a window starts over. */
export function untilText(sec: number): string {
  if (sec < 60) return `${sec} s`;
  const min = Math.ceil(sec / 60);
  return min < 60 ? `${min} min` : `${Math.floor(min / 60)} h${min % 60 ? ` ${min % 60} min` : ""}`;
}

/** IETF RateLimit fields for the window closest to its limit, and the policy of both. */
export function keyRateHeaders(minute: WindowUsage, day: WindowUsage): Record<string, string> {
  const left = (w: WindowUsage) => Math.max(0, w.limit - w.used);
  const tight = left(day) < left(minute) ? day : minute;
  return {
    "RateLimit-Limit": String(tight.limit),
    "RateLimit-Remaining": String(left(tight)),
    "RateLimit-Reset": String(tight.resetSec),
    "RateLimit-Policy": `${minute.limit};w=60, ${day.limit};w=86400`,
  };
}
