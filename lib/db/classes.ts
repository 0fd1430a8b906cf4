import "server-only";
import { nanoid } from "nanoid";
import { newJoinCode } from "../classes/join-code";
import { db } from "./client";
import { isKey } from "./keys";

export interface ClassSummary {
  id: string;
  name: string;
  teacherId: string;
  teacherName: string;
  joinCode: string | null;
  createdAt: Date;
  members: number;
  assignments: number;
}

const summarySelect = {
  id: true,
  name: true,
  teacherId: true,
  joinCode: true,
  createdAt: true,
  teacher: { select: { username: true } },
  _count: { select: { members: true, assignments: true } },
} as const;

type SummaryRow = {
  id: string;
  name: string;
  teacherId: string;
  joinCode: string | null;
  createdAt: Date;
  teacher: { username: string };
  _count: { members: number; assignments: number };
};

const toSummary = (r: SummaryRow): ClassSummary => ({
  id: r.id,
  name: r.name,
  teacherId: r.teacherId,
  teacherName: r.teacher.username,
  joinCode: r.joinCode,
  createdAt: r.createdAt,
  members: r._count.members,
  assignments: r._count.assignments,
});

export async function createClass(teacherId: string, name: string): Promise<string> {
  const id = nanoid();
  await (await db()).class.create({ data: { id, name, teacherId, joinCode: newJoinCode() } });
  return id;
}

/** A class by id; callers decide whether the asker may see it (lib/classes/access.ts). */
export async function getClass(id: string): Promise<ClassSummary | null> {
  if (!isKey(id)) return null;
  const row = await (await db()).class.findUnique({ where: { id }, select: summarySelect });
  return row ? toSummary(row) : null;
}

export async function classesTaughtBy(teacherId: string): Promise<ClassSummary[]> {
  const rows = await (await db()).class.findMany({
    where: { teacherId },
    select: summarySelect,
    orderBy: { createdAt: "desc" },
  });
  return rows.map(toSummary);
}

export async function classesJoinedBy(userId: string): Promise<ClassSummary[]> {
  const rows = await (await db()).class.findMany({
    where: { members: { some: { userId } } },
    select: summarySelect,
    orderBy: { createdAt: "desc" },
  });
  return rows.map(toSummary);
}

export async function renameClass(id: string, name: string): Promise<void> {
  await (await db()).class.update({ where: { id }, data: { name } });
}

export async function deleteClass(id: string): Promise<void> {
  await (await db()).class.deleteMany({ where: { id } });
}

/** A new join code (the old one stops working), or none at all (`revoke`). */
export async function setJoinCode(id: string, revoke: boolean): Promise<string | null> {
  const joinCode = revoke ? null : newJoinCode();
  await (await db()).class.update({ where: { id }, data: { joinCode } });
  return joinCode;
}

export async function classByJoinCode(code: string): Promise<ClassSummary | null> {
  if (!isKey(code)) return null;
  const row = await (await db()).class.findUnique({ where: { joinCode: code }, select: summarySelect });
  return row ? toSummary(row) : null;
}

export async function isMember(classId: string, userId: string): Promise<boolean> {
  const row = await (await db()).classMember.findUnique({ where: { classId_userId: { classId, userId } } });
  return row !== null;
}

/** Join (idempotent). */
export async function addMember(classId: string, userId: string): Promise<void> {
  await (await db()).classMember.upsert({
    where: { classId_userId: { classId, userId } },
    create: { classId, userId },
    update: {},
  });
}

export async function removeMember(classId: string, userId: string): Promise<boolean> {
  const { count } = await (await db()).classMember.deleteMany({ where: { classId, userId } });
  return count > 0;
}

export interface Member {
  id: string;
  username: string;
  joinedAt: Date;
}

/** The roster, by username. */
export async function membersOf(classId: string): Promise<Member[]> {
  const rows = await (await db()).classMember.findMany({
    where: { classId },
    select: { joinedAt: true, user: { select: { id: true, username: true } } },
    orderBy: { user: { username: "asc" } },
  });
  return rows.map((r) => ({ id: r.user.id, username: r.user.username, joinedAt: r.joinedAt }));
}
