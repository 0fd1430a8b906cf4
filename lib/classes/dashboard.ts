import "server-only";
import { assignmentsOf } from "../db/assignments";
import { membersOf } from "../db/classes";
import { submissionStats } from "../db/submissions";
import { buildGrid, type Grid } from "./grid";

/** A class's students × assignments grid (the caller has checked the asker teaches the class). */
export async function classGrid(classId: string): Promise<Grid> {
  const [members, assignments] = await Promise.all([membersOf(classId), assignmentsOf(classId)]);
  const stats = await submissionStats(
    members.map((m) => m.id),
    assignments.map((a) => a.exerciseSlug),
  );
  return buildGrid(
    members.map((m) => ({ id: m.id, username: m.username })),
    assignments.map((a) => ({ id: a.id, exerciseSlug: a.exerciseSlug, title: a.title, dueAt: a.dueAt })),
    stats,
  );
}
