import { z } from "zod";

/** Who may do what: an admin can do what a teacher can, a teacher what a student can. */
export const Role = z.enum(["student", "teacher", "admin"]);
export type Role = z.infer<typeof Role>;

const RANK: Record<Role, number> = { student: 0, teacher: 1, admin: 2 };

/** The signed-in user as every check sees it. */
export interface SessionUser {
  id: string;
  username: string;
  role: Role;
}

/** A role read from the database; anything unknown counts as the least. */
export const roleOf = (value: string): Role => (Role.safeParse(value).success ? (value as Role) : "student");

export function hasRole(user: Pick<SessionUser, "role"> | null | undefined, role: Role): boolean {
  return user ? RANK[user.role] >= RANK[role] : false;
}

/** Thrown when an identity lacks a role; pages show it as 404/403, actions as an error. */
export class Forbidden extends Error {
  readonly code = "forbidden";
  constructor(message = "You are not allowed to do this.") {
    super(message);
  }
}

/** The user when they hold at least `role`; throws Forbidden otherwise (null: not signed in). */
export function requireRole(user: SessionUser | null | undefined, role: Role): SessionUser {
  if (!user || !hasRole(user, role)) throw new Forbidden(user ? `This needs the ${role} role.` : "Sign in first.");
  return user;
}
