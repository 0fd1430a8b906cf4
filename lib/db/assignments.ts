import "server-only";
import { nanoid } from "nanoid";
import { db } from "./client";
import { isKey } from "./keys";

export interface AssignmentRecord {
  id: string;
  classId: string;
  exerciseSlug: string;
  title: string;
  difficulty: string;
  dueAt: Date | null;
  createdAt: Date;
}

const select = {
  id: true,
  classId: true,
  exerciseSlug: true,
  dueAt: true,
  createdAt: true,
  exercise: { select: { title: true, difficulty: true } },
} as const;

type Row = {
  id: string;
  classId: string;
  exerciseSlug: string;
  dueAt: Date | null;
  createdAt: Date;
  exercise: { title: string; difficulty: string };
};

const toRecord = (r: Row): AssignmentRecord => ({
  id: r.id,
  classId: r.classId,
  exerciseSlug: r.exerciseSlug,
  title: r.exercise.title,
  difficulty: r.exercise.difficulty,
  dueAt: r.dueAt,
  createdAt: r.createdAt,
});

/** Assign an exercise to a class (again: its due date changes). */
export async function assign(classId: string, exerciseSlug: string, dueAt: Date | null): Promise<void> {
  await (await db()).assignment.upsert({
    where: { classId_exerciseSlug: { classId, exerciseSlug } },
    create: { id: nanoid(), classId, exerciseSlug, dueAt },
    update: { dueAt },
  });
}

export async function unassign(classId: string, assignmentId: string): Promise<boolean> {
  const { count } = await (await db()).assignment.deleteMany({ where: { id: assignmentId, classId } });
  return count > 0;
}

/** A class's assignments, in the order they were given. */
export async function assignmentsOf(classId: string): Promise<AssignmentRecord[]> {
  const rows = await (await db()).assignment.findMany({ where: { classId }, select, orderBy: { createdAt: "asc" } });
  return rows.map(toRecord);
}

export async function getAssignment(classId: string, assignmentId: string): Promise<AssignmentRecord | null> {
  if (!isKey(assignmentId)) return null;
  const row = await (await db()).assignment.findFirst({ where: { id: assignmentId, classId }, select });
  return row ? toRecord(row) : null;
}

/** Everything assigned to a student across their classes, soonest due first (undated last). */
export async function assignedTo(userId: string): Promise<(AssignmentRecord & { className: string })[]> {
  const rows = await (await db()).assignment.findMany({
    where: { class: { members: { some: { userId } } } },
    select: { ...select, class: { select: { name: true } } },
    orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    take: 200,
  });
  return rows.map((r) => ({ ...toRecord(r), className: r.class.name }));
}

/** Whether a student is in a class that was given this exercise (their view of a private exercise). */
export async function isAssignedTo(userId: string, exerciseSlug: string): Promise<boolean> {
  const row = await (await db()).assignment.findFirst({
    where: { exerciseSlug, class: { members: { some: { userId } } } },
    select: { id: true },
  });
  return row !== null;
}

/**
 * Whether `teacherId` teaches a class that `studentId` is in and that was given `exerciseSlug`:
 * the only way a teacher may read a student's submissions.
 */
export async function teachesStudentExercise(
  teacherId: string,
  studentId: string,
  exerciseSlug: string,
): Promise<boolean> {
  const row = await (await db()).assignment.findFirst({
    where: { exerciseSlug, class: { teacherId, members: { some: { userId: studentId } } } },
    select: { id: true },
  });
  return row !== null;
}
