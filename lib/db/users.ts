import "server-only";
import { nanoid } from "nanoid";
import { type Role, roleOf, type SessionUser } from "../auth/roles";
import { db } from "./client";
import { isKey } from "./keys";

export interface UserRecord extends SessionUser {
  passwordHash: string;
  failedSignIns: number;
  lastFailedAt: Date | null;
  createdAt: Date;
}

const toRecord = (r: {
  id: string;
  username: string;
  role: string;
  passwordHash: string;
  failedSignIns: number;
  lastFailedAt: Date | null;
  createdAt: Date;
}): UserRecord => ({ ...r, role: roleOf(r.role) });

export async function findUserByUsername(username: string): Promise<UserRecord | null> {
  if (!isKey(username)) return null;
  const row = await (await db()).user.findUnique({ where: { username } });
  return row ? toRecord(row) : null;
}

export async function findUser(id: string): Promise<UserRecord | null> {
  if (!isKey(id)) return null;
  const row = await (await db()).user.findUnique({ where: { id } });
  return row ? toRecord(row) : null;
}

/**
 * Create an account; null when the username is taken. The first account of an install becomes
 * an admin: after inserting, the oldest account (by time, then id) is promoted, so two sign-ups
 * racing on a fresh install give one admin, not two or none.
 */
export async function createUser(u: {
  username: string;
  passwordHash: string;
  role: Role;
}): Promise<UserRecord | null> {
  const client = await db();
  const id = nanoid();
  try {
    await client.user.create({ data: { id, username: u.username, passwordHash: u.passwordHash, role: u.role } });
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") return null;
    throw err;
  }
  const first = await client.user.findFirst({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
  if (first?.id === id && u.role !== "admin") await client.user.update({ where: { id }, data: { role: "admin" } });
  return findUser(id);
}

export async function setRole(userId: string, role: Role): Promise<boolean> {
  const { count } = await (await db()).user.updateMany({ where: { id: userId }, data: { role } });
  return count > 0;
}

export async function setPasswordHash(userId: string, passwordHash: string): Promise<void> {
  await (await db()).user.update({ where: { id: userId }, data: { passwordHash } });
}

/** A failed sign-in: one more in a row. */
export async function noteFailedSignIn(userId: string): Promise<void> {
  await (await db()).user.update({
    where: { id: userId },
    data: { failedSignIns: { increment: 1 }, lastFailedAt: new Date() },
  });
}

export async function clearFailedSignIns(userId: string): Promise<void> {
  await (await db()).user.update({ where: { id: userId }, data: { failedSignIns: 0, lastFailedAt: null } });
}

/** Every account, for the admin's user list (newest first, at most `take`). */
export async function listUsers(take = 500): Promise<(SessionUser & { createdAt: Date })[]> {
  const rows = await (await db()).user.findMany({
    select: { id: true, username: true, role: true, createdAt: true },
    orderBy: { createdAt: "desc" },
    take,
  });
  return rows.map((r) => ({ ...r, role: roleOf(r.role) }));
}

/** Usernames of the given ids (missing ids are left out). */
export async function usernamesOf(ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await (await db()).user.findMany({ where: { id: { in: ids } }, select: { id: true, username: true } });
  return new Map(rows.map((r) => [r.id, r.username]));
}

/** How many accounts hold each role (the admin page). */
export async function countUsersByRole(): Promise<Record<Role, number>> {
  const rows = await (await db()).user.groupBy({ by: ["role"], _count: { _all: true } });
  const out: Record<Role, number> = { student: 0, teacher: 0, admin: 0 };
  for (const r of rows) out[roleOf(r.role)] += r._count._all;
  return out;
}
