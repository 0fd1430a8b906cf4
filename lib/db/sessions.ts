import "server-only";
import { roleOf, type SessionUser } from "../auth/roles";
import { SESSION_TTL_MS } from "../auth/session-token";
import { db } from "./client";

/** How stale lastSeenAt may get before a request writes it (and slides the expiry). */
const TOUCH_AFTER_MS = 60 * 60 * 1000;

export interface SessionInfo {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  userAgent: string;
}

export async function createSession(id: string, userId: string, userAgent: string): Promise<void> {
  const now = Date.now();
  await (await db()).session.create({
    data: { id, userId, userAgent: userAgent.slice(0, 200), expiresAt: new Date(now + SESSION_TTL_MS) },
  });
}

/** The user of a live session, or null (unknown, expired). Renews the session at most once an hour. */
export async function sessionUser(id: string): Promise<SessionUser | null> {
  const client = await db();
  const row = await client.session.findUnique({
    where: { id },
    select: { expiresAt: true, lastSeenAt: true, user: { select: { id: true, username: true, role: true } } },
  });
  const now = Date.now();
  if (!row) return null;
  if (row.expiresAt.getTime() <= now) {
    await client.session.deleteMany({ where: { id } });
    return null;
  }
  if (now - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await client.session.updateMany({
      where: { id },
      data: { lastSeenAt: new Date(now), expiresAt: new Date(now + SESSION_TTL_MS) },
    });
  }
  return { ...row.user, role: roleOf(row.user.role) };
}

export async function deleteSession(id: string): Promise<void> {
  await (await db()).session.deleteMany({ where: { id } });
}

/** Sign out everywhere: every session of the user ends. */
export async function deleteUserSessions(userId: string): Promise<number> {
  const { count } = await (await db()).session.deleteMany({ where: { userId } });
  return count;
}

export async function listSessions(userId: string): Promise<SessionInfo[]> {
  return (await db()).session.findMany({
    where: { userId, expiresAt: { gt: new Date() } },
    select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true },
    orderBy: { lastSeenAt: "desc" },
    take: 50,
  });
}

/** Expired sessions are removed by the storage sweep. */
export async function deleteExpiredSessions(): Promise<number> {
  const { count } = await (await db()).session.deleteMany({ where: { expiresAt: { lte: new Date() } } });
  return count;
}

/** Every session of the user but one (after a password change, other browsers sign in again). */
export async function deleteOtherSessions(userId: string, keepId: string): Promise<number> {
  const { count } = await (await db()).session.deleteMany({ where: { userId, id: { not: keepId } } });
  return count;
}
