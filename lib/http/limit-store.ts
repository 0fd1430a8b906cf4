import { nanoid } from "nanoid";
import { databaseProvider, databaseUrl } from "../db/database-url";
import { instanceId } from "../instance-id";
import { log } from "../log";
import { RunCounter } from "./client-runs";
import { RateLimiter } from "./rate-limiter";

/**
 * Where rate limits and runs-at-once caps are counted. One process (SQLite) counts in memory;
 * instances sharing PostgreSQL count in it (lib/db/shared-limits.ts), so limits hold however a
 * load balancer spreads a client's requests.
 */
export interface LimitStore {
  /** Take one token of limit `name` (`limit` per minute) for every key, or for none. */
  take(name: string, limit: number, keys: string[]): Promise<{ allowed: boolean; remaining: number; resetSec: number }>;
  /** Count one running program against every key unless one has `cap` running (named in `full`). */
  hold(keys: string[], cap: number): Promise<{ release: () => Promise<void> } | { full: string }>;
}

export class MemoryLimitStore implements LimitStore {
  private readonly limiters = new Map<string, RateLimiter>();
  private readonly counters = new Map<number, RunCounter>();

  async take(name: string, limit: number, keys: string[]) {
    const id = `${name} ${limit}`;
    const l = this.limiters.get(id) ?? new RateLimiter(limit);
    this.limiters.set(id, l);
    return l.takeAll(keys);
  }

  async hold(keys: string[], cap: number) {
    const c = this.counters.get(cap) ?? new RunCounter(cap);
    this.counters.set(cap, c);
    const r = c.admit(keys);
    return "full" in r ? r : { release: async () => r.release() };
  }
}

export class SharedLimitStore implements LimitStore {
  async take(name: string, limit: number, keys: string[]) {
    const { takeShared } = await import("../db/shared-limits");
    return takeShared(name, limit, keys);
  }

  async hold(keys: string[], cap: number) {
    const { holdShared, releaseShared } = await import("../db/shared-limits");
    const id = nanoid();
    const r = await holdShared(id, keys, cap, instanceId());
    if ("full" in r) return r;
    let released = false;
    return {
      // Never rejects: a release is often not awaited, and a failed one only ends when its
      // instance's holds are cleared (a restart, or its heartbeat stopping).
      release: async () => {
        if (released) return;
        released = true;
        await releaseShared(id).catch((err) => log.warn({ err }, "could not release a run hold"));
      },
    };
  }
}

const g = globalThis as typeof globalThis & { __runboxLimits?: LimitStore };

export function limitStore(): LimitStore {
  g.__runboxLimits ??=
    databaseProvider(databaseUrl()) === "postgresql" ? new SharedLimitStore() : new MemoryLimitStore();
  return g.__runboxLimits;
}
