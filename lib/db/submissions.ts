import "server-only";
import type { Judgement, TestResult } from "../judge/judge";
import type { StageResult } from "../sandbox/types";
import { decodeBlob, encodeBlob } from "./blob";
import { db } from "./client";
import { isKey } from "./keys";
import { noteSubmissionStored } from "./retention";
import { ROW_OVERHEAD_BYTES, storedBytes } from "./row-size";
import { packStage, type StoredStage, unpackStage } from "./stage-codec";

export interface SubmissionRecord {
  id: string;
  exerciseSlug: string;
  mode: string;
  language: string;
  files: { name?: string; content: string }[];
  verdict: string;
  score: number;
  maxScore: number;
  compile: StageResult | null;
  tests: TestResult[];
  timeMs: number | null;
  createdAt: Date;
}

/** What a submission's `data` blob holds (version 1); the JSON columns stay for older rows. */
interface StoredSubmission {
  v: 1;
  files: SubmissionRecord["files"];
  compile: StoredStage | null;
  tests: TestResult[];
}

export async function saveSubmission(s: {
  id: string;
  exerciseSlug: string;
  ownerId: string | null;
  mode: string;
  language: string;
  files: { name?: string; content: string }[];
  judgement: Judgement;
}): Promise<void> {
  const client = await db();
  const stored: StoredSubmission = {
    v: 1,
    files: s.files,
    compile: s.judgement.compile ? packStage(s.judgement.compile) : null,
    tests: s.judgement.tests,
  };
  const data = await encodeBlob(stored);
  await client.submission.create({
    data: {
      id: s.id,
      exerciseSlug: s.exerciseSlug,
      ownerId: s.ownerId,
      mode: s.mode,
      language: s.language,
      files: "[]",
      verdict: s.judgement.verdict,
      score: s.judgement.score,
      maxScore: s.judgement.maxScore,
      tests: "[]",
      timeMs: s.judgement.timeMs,
      data,
      sizeBytes: ROW_OVERHEAD_BYTES + storedBytes(data),
    },
  });
  noteSubmissionStored(s.ownerId);
}

type Row = Awaited<ReturnType<Awaited<ReturnType<typeof db>>["submission"]["findMany"]>>[number];

async function toRecord(r: Row): Promise<SubmissionRecord & { ownerId: string | null }> {
  let files: SubmissionRecord["files"];
  let compile: StageResult | null;
  let tests: TestResult[];
  if (r.data) {
    const stored = (await decodeBlob(r.data)) as StoredSubmission;
    if (stored?.v !== 1) throw new Error("This submission was stored in an unknown format.");
    files = stored.files;
    compile = stored.compile ? unpackStage(stored.compile) : null;
    tests = stored.tests;
  } else {
    files = JSON.parse(r.files);
    compile = r.compile ? JSON.parse(r.compile) : null;
    tests = JSON.parse(r.tests);
  }
  // Today's shape, ownerId included (as the rows were always spread).
  const record: SubmissionRecord & { ownerId: string | null } = {
    id: r.id,
    exerciseSlug: r.exerciseSlug,
    ownerId: r.ownerId,
    mode: r.mode,
    language: r.language,
    files,
    verdict: r.verdict,
    score: r.score,
    maxScore: r.maxScore,
    compile,
    tests,
    timeMs: r.timeMs,
    createdAt: r.createdAt,
  };
  return record;
}

/** An owner's full submissions (not samples runs) of one exercise, newest first. */
export async function listSubmissions(exerciseSlug: string, ownerId: string, take = 20): Promise<SubmissionRecord[]> {
  if (!isKey(exerciseSlug)) return [];
  const client = await db();
  const rows = await client.submission.findMany({
    where: { exerciseSlug, ownerId, mode: "submit" },
    orderBy: { createdAt: "desc" },
    take,
  });
  return Promise.all(rows.map(toRecord));
}

/** Per exercise: solved (an accepted submission) or attempted, for one owner. */
export async function progressOf(ownerId: string): Promise<Map<string, "solved" | "attempted">> {
  const client = await db();
  const rows = await client.submission.groupBy({
    by: ["exerciseSlug", "verdict"],
    where: { ownerId, mode: "submit" },
  });
  const progress = new Map<string, "solved" | "attempted">();
  for (const r of rows) {
    if (r.verdict === "AC") progress.set(r.exerciseSlug, "solved");
    else if (!progress.has(r.exerciseSlug)) progress.set(r.exerciseSlug, "attempted");
  }
  return progress;
}

/** One submission with its owner (callers check who may see it: lib/classes/access.ts). */
export async function getSubmission(id: string): Promise<(SubmissionRecord & { ownerId: string | null }) | null> {
  if (!isKey(id)) return null;
  const row = await (await db()).submission.findUnique({ where: { id } });
  return row ? ((await toRecord(row)) as SubmissionRecord & { ownerId: string | null }) : null;
}

/** What a dashboard cell needs of each submission: no code, no tests (no blob is read). */
export interface SubmissionStat {
  id: string;
  ownerId: string;
  exerciseSlug: string;
  verdict: string;
  score: number;
  maxScore: number;
  createdAt: Date;
}

/** Every full submission of these owners to these exercises, oldest first. */
export async function submissionStats(ownerIds: string[], slugs: string[]): Promise<SubmissionStat[]> {
  if (ownerIds.length === 0 || slugs.length === 0) return [];
  const rows = await (await db()).submission.findMany({
    where: { ownerId: { in: ownerIds }, exerciseSlug: { in: slugs }, mode: "submit" },
    select: {
      id: true,
      ownerId: true,
      exerciseSlug: true,
      verdict: true,
      score: true,
      maxScore: true,
      createdAt: true,
    },
    orderBy: { createdAt: "asc" },
  });
  return rows.filter((r): r is SubmissionStat => r.ownerId !== null);
}

/** Each owner's newest accepted submission of an exercise, code included (similarity reports). */
export async function latestAccepted(
  ownerIds: string[],
  slug: string,
): Promise<(SubmissionRecord & { ownerId: string })[]> {
  if (ownerIds.length === 0) return [];
  const client = await db();
  const newest = await client.submission.groupBy({
    by: ["ownerId"],
    where: { ownerId: { in: ownerIds }, exerciseSlug: slug, mode: "submit", verdict: "AC" },
    _max: { createdAt: true },
  });
  const out: (SubmissionRecord & { ownerId: string })[] = [];
  for (const g of newest) {
    if (!g.ownerId || !g._max.createdAt) continue;
    const row = await client.submission.findFirst({
      where: { ownerId: g.ownerId, exerciseSlug: slug, mode: "submit", verdict: "AC", createdAt: g._max.createdAt },
    });
    if (row) out.push({ ...(await toRecord(row)), ownerId: g.ownerId });
  }
  return out;
}
