import "server-only";
import type { Judgement, TestResult } from "../judge/judge";
import type { StageResult } from "../sandbox/types";
import { db } from "./client";

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
  await client.submission.create({
    data: {
      id: s.id,
      exerciseSlug: s.exerciseSlug,
      ownerId: s.ownerId,
      mode: s.mode,
      language: s.language,
      files: JSON.stringify(s.files),
      verdict: s.judgement.verdict,
      score: s.judgement.score,
      maxScore: s.judgement.maxScore,
      compile: s.judgement.compile ? JSON.stringify(s.judgement.compile) : null,
      tests: JSON.stringify(s.judgement.tests),
      timeMs: s.judgement.timeMs,
    },
  });
}

/** An owner's full submissions (not samples runs) of one exercise, newest first. */
export async function listSubmissions(exerciseSlug: string, ownerId: string, take = 20): Promise<SubmissionRecord[]> {
  const client = await db();
  const rows = await client.submission.findMany({
    where: { exerciseSlug, ownerId, mode: "submit" },
    orderBy: { createdAt: "desc" },
    take,
  });
  return rows.map((r) => ({
    ...r,
    files: JSON.parse(r.files),
    compile: r.compile ? JSON.parse(r.compile) : null,
    tests: JSON.parse(r.tests),
  }));
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
