import "server-only";
import { membersOf } from "../db/classes";
import { getExercise } from "../db/exercises";
import { latestAccepted } from "../db/submissions";
import { MAX_DOCUMENTS, similarityReport } from "../similarity/report";

/**
 * The similarity report of one assignment: each student's newest accepted submission, compared
 * pairwise. Computed on demand for the class's teacher (the caller checks), bounded: at most
 * MAX_DOCUMENTS submissions of at most 64 KiB each are fingerprinted.
 */
export async function assignmentSimilarity(classId: string, exerciseSlug: string, threshold: number) {
  const members = (await membersOf(classId)).slice(0, MAX_DOCUMENTS);
  const names = new Map(members.map((m) => [m.id, m.username]));
  const [accepted, ex] = await Promise.all([
    latestAccepted(
      members.map((m) => m.id),
      exerciseSlug,
    ),
    getExercise(exerciseSlug),
  ]);
  const submitted = accepted.map((s) => ({
    id: s.id,
    owner: names.get(s.ownerId) ?? "?",
    language: s.language,
    code: s.files.map((f) => f.content).join("\n"),
  }));
  const starter = Object.fromEntries(Object.entries(ex?.starter ?? {}).map(([l, f]) => [l, f.content]));
  return similarityReport(submitted, { threshold, starter });
}
