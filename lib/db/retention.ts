import "server-only";
import { env } from "../env";
import { log } from "../log";
import { db } from "./client";
import { reclaimSpace } from "./maintenance";
import { expireBucket, runBucket, submissionBucket, type TrimResult, trimBucket } from "./retention-buckets";
import { deleteExpiredSessions } from "./sessions";

const MiB = 1024 * 1024;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Past the API cap, trim to this share of it, so a flood trims now and then, not per insert. */
const API_TRIM_TO = 0.9;

/** The retention rules (null: no bound), from the RUNBOX_* settings. */
export interface StoragePolicy {
  apiMaxAgeMs: number | null;
  apiMaxBytes: number | null;
  ownerMaxRuns: number | null;
  ownerMaxBytes: number | null;
  ownerMaxSubmissions: number | null;
}

export function storagePolicy(): StoragePolicy {
  const e = env();
  const bound = (n: number, unit = 1) => (n > 0 ? Math.round(n * unit) : null);
  return {
    apiMaxAgeMs: bound(e.RUNBOX_API_RUN_RETENTION_DAYS, DAY_MS),
    apiMaxBytes: bound(e.RUNBOX_API_RUNS_MAX_MB, MiB),
    ownerMaxRuns: bound(e.RUNBOX_OWNER_MAX_RUNS),
    ownerMaxBytes: bound(e.RUNBOX_OWNER_MAX_MB, MiB),
    ownerMaxSubmissions: bound(e.RUNBOX_OWNER_MAX_SUBMISSIONS),
  };
}

// One queue per process (kept on globalThis across Next.js dev reloads): trims and sweeps run
// one at a time, and a trim already waiting for the same bucket is not queued twice.
const g = globalThis as typeof globalThis & {
  __runboxRetention?: {
    queue: Promise<void>;
    /** Stored bytes of API runs as this process last counted them plus what it wrote since. */
    apiBytes: number | null;
    pending: Set<string>;
    sweeper?: NodeJS.Timeout;
  };
};
g.__runboxRetention ??= { queue: Promise.resolve(), apiBytes: null, pending: new Set() };
const state = g.__runboxRetention;

function enqueue<T>(task: () => Promise<T>): Promise<T> {
  const run = state.queue.then(task);
  state.queue = run.then(
    () => {},
    (err) => log.error({ err }, "storage retention failed"),
  );
  return run;
}

function enqueueOnce(key: string, task: () => Promise<unknown>): void {
  if (state.pending.has(key)) return;
  state.pending.add(key);
  void enqueue(async () => {
    state.pending.delete(key);
    await task();
  }).catch(() => {});
}

/** Trim the API runs to API_TRIM_TO of the cap when they pass it (and recount them exactly). */
async function trimApiRuns(policy: StoragePolicy): Promise<TrimResult> {
  const bucket = runBucket({ apiRun: true });
  const { bytes } = await bucket.totals();
  state.apiBytes = bytes;
  if (policy.apiMaxBytes === null || bytes <= policy.apiMaxBytes) return { deleted: 0, freedBytes: 0 };
  const trimmed = await trimBucket(bucket, { count: null, bytes: Math.floor(policy.apiMaxBytes * API_TRIM_TO) });
  state.apiBytes = bytes - trimmed.freedBytes;
  log.info({ ...trimmed }, "deleted the oldest API runs past the storage cap");
  return trimmed;
}

const ownerRunLimits = (p: StoragePolicy) => ({ count: p.ownerMaxRuns, bytes: p.ownerMaxBytes });
const ownerSubmissionLimits = (p: StoragePolicy) => ({ count: p.ownerMaxSubmissions, bytes: p.ownerMaxBytes });

/**
 * After a run row is written: cheap bookkeeping, never a scan of the table. API runs add to an
 * in-process total (counted exactly by the first trim and every sweep) and queue a trim only
 * past the cap; an owner's write queues one check of the owner's own index range (at most a
 * quota's worth of entries), which deletes only past the quota.
 */
export function noteRunStored(row: { apiRun: boolean; ownerId: string | null; bytes: number }): void {
  const policy = storagePolicy();
  if (row.apiRun) {
    if (policy.apiMaxBytes === null) return;
    if (state.apiBytes !== null) state.apiBytes += row.bytes;
    if (state.apiBytes === null || state.apiBytes > policy.apiMaxBytes)
      enqueueOnce("api-runs", () => trimApiRuns(policy));
  } else if (row.ownerId && (policy.ownerMaxRuns !== null || policy.ownerMaxBytes !== null)) {
    const ownerId = row.ownerId;
    enqueueOnce(`runs:${ownerId}`, () => trimBucket(runBucket({ ownerId }), ownerRunLimits(policy)));
  }
}

/** After a submission is written: its owner's bucket (or the API's ownerless one) is checked. */
export function noteSubmissionStored(ownerId: string | null): void {
  const policy = storagePolicy();
  const limits = ownerId ? ownerSubmissionLimits(policy) : { count: null, bytes: policy.apiMaxBytes };
  if (limits.count === null && limits.bytes === null) return;
  enqueueOnce(`submissions:${ownerId ?? ""}`, () => trimBucket(submissionBucket(ownerId), limits));
}

export interface SweepReport {
  apiRuns: number;
  ownerRuns: number;
  submissions: number;
  freedBytes: number;
  reclaimedBytes: number;
}

/** Owners past a limit, found on the (ownerId, createdAt, sizeBytes) index. */
async function ownersOver(table: "run" | "submission", count: number | null, bytes: number | null) {
  const client = await db();
  const having = [
    // Counting sizeBytes (never null) keeps the query on the index; counting id would read rows.
    ...(count !== null ? [{ sizeBytes: { _count: { gt: count } } }] : []),
    ...(bytes !== null ? [{ sizeBytes: { _sum: { gt: bytes } } }] : []),
  ];
  if (having.length === 0) return [];
  const args = { by: ["ownerId" as const], having: { OR: having } };
  const groups =
    table === "run"
      ? await client.run.groupBy({ ...args, where: { ownerId: { not: null } } })
      : await client.submission.groupBy({ ...args, where: { ownerId: { not: null } } });
  return groups.map((g) => g.ownerId).filter((id): id is string => id !== null);
}

/** The whole policy once: ages, the API caps, every owner over quota; then space is reclaimed. */
async function sweep(policy: StoragePolicy, now: Date): Promise<SweepReport> {
  const report: SweepReport = { apiRuns: 0, ownerRuns: 0, submissions: 0, freedBytes: 0, reclaimedBytes: 0 };
  const add = (key: "apiRuns" | "ownerRuns" | "submissions", r: TrimResult) => {
    report[key] += r.deleted;
    report.freedBytes += r.freedBytes;
  };
  if (policy.apiMaxAgeMs !== null) {
    const cutoff = new Date(now.getTime() - policy.apiMaxAgeMs);
    add("apiRuns", await expireBucket(runBucket({ apiRun: true }), cutoff));
    add("submissions", await expireBucket(submissionBucket(null), cutoff));
  }
  add("apiRuns", await trimApiRuns(policy));
  add("submissions", await trimBucket(submissionBucket(null), { count: null, bytes: policy.apiMaxBytes }));
  for (const ownerId of await ownersOver("run", policy.ownerMaxRuns, policy.ownerMaxBytes))
    add("ownerRuns", await trimBucket(runBucket({ ownerId }), ownerRunLimits(policy)));
  for (const ownerId of await ownersOver("submission", policy.ownerMaxSubmissions, policy.ownerMaxBytes))
    add("submissions", await trimBucket(submissionBucket(ownerId), ownerSubmissionLimits(policy)));
  await deleteExpiredSessions();
  report.reclaimedBytes = await reclaimSpace();
  return report;
}

/** Run the retention sweep now (queued behind any trim in progress). */
export function sweepStorage(policy = storagePolicy(), now = new Date()): Promise<SweepReport> {
  return enqueue(() => sweep(policy, now));
}

/** Resolves once every queued trim and sweep has finished (tests, shutdown). */
export async function storageSettled(): Promise<void> {
  let seen: Promise<void> | undefined;
  while (seen !== state.queue) {
    seen = state.queue;
    await seen;
  }
}

/** Sweep at start-up and then every RUNBOX_STORAGE_SWEEP_MS; never keeps the process alive. */
export function startStorageSweeper(): void {
  if (state.sweeper) return;
  const tick = () =>
    void sweepStorage()
      .then((r) => {
        if (r.apiRuns + r.ownerRuns + r.submissions > 0) log.info({ ...r }, "storage retention sweep");
      })
      .catch(() => {});
  tick();
  state.sweeper = setInterval(tick, env().RUNBOX_STORAGE_SWEEP_MS).unref();
}
