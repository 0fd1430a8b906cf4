import "server-only";
import { assignedTo } from "../db/assignments";
import { progressOf, submissionStats } from "../db/submissions";
import { cellOf } from "./grid";

/** A student's assignments across their classes, with status and late flag (for "Assigned to you"). */
export async function assignedItems(userId: string, classId?: string) {
  const all = await assignedTo(userId);
  const mine = classId ? all.filter((a) => a.classId === classId) : all;
  const [progress, stats] = await Promise.all([
    progressOf(userId),
    submissionStats([userId], [...new Set(mine.map((a) => a.exerciseSlug))]),
  ]);
  const now = new Date();
  return mine.map((a) => ({
    id: a.id,
    exerciseSlug: a.exerciseSlug,
    title: a.title,
    className: a.className,
    dueAt: a.dueAt,
    status: progress.get(a.exerciseSlug) ?? ("new" as const),
    late: cellOf(
      stats.filter((s) => s.exerciseSlug === a.exerciseSlug),
      a.dueAt,
      now,
    ).late,
  }));
}
