import "server-only";
import { hasRole, type SessionUser } from "../auth/roles";
import { isAssignedTo, teachesStudentExercise } from "../db/assignments";
import { type ClassSummary, getClass, isMember } from "../db/classes";
import { type ExerciseMeta, getExercise, getExerciseMeta } from "../db/exercises";
import type { ExerciseDefinition } from "../judge/exercise";

/**
 * Every authorization rule of classes, exercises and submissions, in one place. Each answers
 * null for "no" and for "does not exist" alike, so callers answer 404 either way: an id in a
 * URL is never enough.
 */

/** A class its teacher is asking about. Another teacher's class (or a student's) is null. */
export async function classOfTeacher(classId: string, user: SessionUser | null): Promise<ClassSummary | null> {
  if (!user || !hasRole(user, "teacher")) return null;
  const c = await getClass(classId);
  return c && c.teacherId === user.id ? c : null;
}

/** A class a member is asking about. */
export async function classOfMember(classId: string, user: SessionUser | null): Promise<ClassSummary | null> {
  if (!user) return null;
  const c = await getClass(classId);
  return c && (await isMember(c.id, user.id)) ? c : null;
}

/** Whether the user wrote the exercise (or is an admin, who decides what is public). */
export const canEditExercise = (meta: ExerciseMeta, user: SessionUser | null): boolean =>
  user !== null && meta.authorId !== null && (meta.authorId === user.id || hasRole(user, "admin"));

/**
 * An exercise the asker may open and submit to: public ones; their own (and, for admins, every
 * teacher's); a teacher's published exercise when it is assigned to one of the asker's classes.
 */
export async function visibleExercise(
  slug: string,
  user: SessionUser | null,
): Promise<{ def: ExerciseDefinition; meta: ExerciseMeta } | null> {
  const meta = await getExerciseMeta(slug);
  if (!meta) return null;
  const allowed =
    meta.visibility === "public" ||
    canEditExercise(meta, user) ||
    (meta.visibility === "classes" && user !== null && (await isAssignedTo(user.id, slug)));
  if (!allowed) return null;
  const def = await getExercise(slug);
  return def ? { def, meta } : null;
}

/** Whether a teacher may give this exercise to a class: public, or their own once published. */
export function canAssign(meta: ExerciseMeta, user: SessionUser): boolean {
  return meta.visibility === "public" || (meta.visibility === "classes" && meta.authorId === user.id);
}

/**
 * How the asker may see a submission: "owner" (their own: hidden tests stay hidden), "teacher"
 * (they teach a class the owner is in that was given the exercise: everything), or null.
 */
export async function submissionViewer(
  sub: { ownerId: string | null; exerciseSlug: string },
  ownerId: string | null,
  user: SessionUser | null,
): Promise<"owner" | "teacher" | null> {
  if (!sub.ownerId) return null;
  if (ownerId && sub.ownerId === ownerId) return "owner";
  if (user && hasRole(user, "teacher") && (await teachesStudentExercise(user.id, sub.ownerId, sub.exerciseSlug)))
    return "teacher";
  return null;
}
