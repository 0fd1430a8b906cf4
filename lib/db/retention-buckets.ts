import "server-only";
import { db } from "./client";
import { planTrim, type TrimCandidate, type TrimLimits } from "./retention-plan";

/**
 * A set of rows under one retention rule (the API runs, one owner's runs, …). Every query walks
 * an index ((apiRun|ownerId), createdAt, sizeBytes, status): sums, oldest-first pages and the
 * "still running?" check never read the rows themselves (on rows from before 0005, status sits
 * behind megabytes of JSON). Plain Prisma queries: the same on SQLite and PostgreSQL.
 */
export interface Bucket {
  totals(): Promise<{ count: number; bytes: number }>;
  /** The oldest rows, after skipping `skip` of them (rows that had to stay). */
  oldest(skip: number, take: number): Promise<TrimCandidate[]>;
  /** Up to `take` rows created before `cutoff` that may go. */
  expired(cutoff: Date, take: number): Promise<TrimCandidate[]>;
  remove(ids: string[]): Promise<number>;
}

export interface TrimResult {
  deleted: number;
  freedBytes: number;
}

const PAGE = 200;
const NOT_RUNNING = { not: "running" } as const;

/** Runs under one rule: a run still "running" is never deleted. */
export function runBucket(where: { apiRun: true } | { ownerId: string }): Bucket {
  return {
    async totals() {
      const client = await db();
      const agg = await client.run.aggregate({ where, _count: { _all: true }, _sum: { sizeBytes: true } });
      return { count: agg._count._all, bytes: agg._sum.sizeBytes ?? 0 };
    },
    async oldest(skip, take) {
      const client = await db();
      const rows = await client.run.findMany({
        where,
        orderBy: { createdAt: "asc" },
        skip,
        take,
        select: { id: true, sizeBytes: true, status: true },
      });
      return rows.map((r) => ({ id: r.id, sizeBytes: r.sizeBytes, keep: r.status === "running" }));
    },
    async expired(cutoff, take) {
      const client = await db();
      return client.run.findMany({
        where: { ...where, createdAt: { lt: cutoff }, status: NOT_RUNNING },
        orderBy: { createdAt: "asc" },
        take,
        select: { id: true, sizeBytes: true },
      });
    },
    async remove(ids) {
      const client = await db();
      const { count } = await client.run.deleteMany({ where: { id: { in: ids }, status: NOT_RUNNING } });
      return count;
    },
  };
}

/**
 * Submissions of one owner (or, with null, the API's ownerless ones). An owner's newest accepted
 * submission of each exercise stays: it is what marks the exercise solved.
 */
export function submissionBucket(ownerId: string | null): Bucket {
  const where = { ownerId };
  let keep: Promise<Set<string>> | undefined;
  const lastAccepted = async () => {
    if (ownerId === null) return new Set<string>();
    const client = await db();
    const accepted = await client.submission.findMany({
      where: { ownerId, mode: "submit", verdict: "AC" },
      orderBy: { createdAt: "desc" },
      select: { id: true, exerciseSlug: true },
    });
    const newest = new Map<string, string>();
    for (const s of accepted) if (!newest.has(s.exerciseSlug)) newest.set(s.exerciseSlug, s.id);
    return new Set(newest.values());
  };
  return {
    async totals() {
      const client = await db();
      const agg = await client.submission.aggregate({ where, _count: { _all: true }, _sum: { sizeBytes: true } });
      return { count: agg._count._all, bytes: agg._sum.sizeBytes ?? 0 };
    },
    async oldest(skip, take) {
      keep ??= lastAccepted();
      const kept = await keep;
      const client = await db();
      const rows = await client.submission.findMany({
        where,
        orderBy: { createdAt: "asc" },
        skip,
        take,
        select: { id: true, sizeBytes: true },
      });
      return rows.map((r) => ({ ...r, keep: kept.has(r.id) }));
    },
    async expired(cutoff, take) {
      keep ??= lastAccepted();
      const kept = await keep;
      const client = await db();
      return client.submission.findMany({
        where: { ...where, createdAt: { lt: cutoff }, id: { notIn: [...kept] } },
        orderBy: { createdAt: "asc" },
        take,
        select: { id: true, sizeBytes: true },
      });
    },
    async remove(ids) {
      const client = await db();
      const { count } = await client.submission.deleteMany({ where: { id: { in: ids } } });
      return count;
    },
  };
}

/** Delete the bucket's oldest rows until it fits its limits (rows that must stay are skipped). */
export async function trimBucket(bucket: Bucket, limits: TrimLimits): Promise<TrimResult> {
  if (limits.count === null && limits.bytes === null) return { deleted: 0, freedBytes: 0 };
  let { count, bytes } = await bucket.totals();
  const result: TrimResult = { deleted: 0, freedBytes: 0 };
  let skip = 0;
  for (;;) {
    const page = await bucket.oldest(skip, PAGE);
    const plan = planTrim(page, { count, bytes }, limits);
    if (plan.ids.length > 0) result.deleted += await bucket.remove(plan.ids);
    result.freedBytes += plan.freedBytes;
    count -= plan.ids.length;
    bytes -= plan.freedBytes;
    skip += plan.kept;
    if (plan.done || page.length < PAGE) return result;
  }
}

/** Delete the bucket's rows created before `cutoff`, a page at a time (short write locks). */
export async function expireBucket(bucket: Bucket, cutoff: Date): Promise<TrimResult> {
  const result: TrimResult = { deleted: 0, freedBytes: 0 };
  for (;;) {
    const rows = await bucket.expired(cutoff, PAGE);
    if (rows.length === 0) return result;
    result.deleted += await bucket.remove(rows.map((r) => r.id));
    result.freedBytes += rows.reduce((n, r) => n + r.sizeBytes, 0);
    if (rows.length < PAGE) return result;
  }
}
