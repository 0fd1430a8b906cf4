import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import { newSessionToken } from "@/lib/auth/session-token";
import { db } from "@/lib/db/client";
import { createSession } from "@/lib/db/sessions";
import { createUser, setRole } from "@/lib/db/users";

/** A unique username for this run (the test database outlives it). */
export const uniqueName = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}`;

export const PASSWORD = "correct horse battery staple";

/** An account made in the database, with a live session: its id and a Cookie header value. */
export async function accountWithSession(prefix: string, role: Role = "student") {
  const user = await createUser({ username: uniqueName(prefix), passwordHash: await hashPassword(PASSWORD), role });
  if (!user) throw new Error("username taken");
  // createUser may make the very first account of a fresh database an admin: set the role asked for.
  await setRole(user.id, role);
  const { token, id } = newSessionToken();
  await createSession(id, user.id, "integration test");
  return { id: user.id, username: user.username, cookie: `runbox_session=${token}` };
}

/** Every row an account made (and its classes, through cascades). */
export async function removeAccounts(ids: string[]) {
  const client = await db();
  await client.submission.deleteMany({ where: { ownerId: { in: ids } } });
  await client.share.deleteMany({ where: { ownerId: { in: ids } } });
  await client.run.deleteMany({ where: { ownerId: { in: ids } } });
  await client.exercise.deleteMany({ where: { authorId: { in: ids } } });
  await client.user.deleteMany({ where: { id: { in: ids } } });
}
