import "server-only";
import { notFound, redirect } from "next/navigation";
import { hasRole, type Role, type SessionUser } from "../auth/roles";
import { currentUser } from "./current";

import { safeNext } from "./safe-next";

export { safeNext };

/**
 * The signed-in user of a page; signed out → the sign-in page (back here after), lacking the
 * role → 404 (the page does not say it exists).
 */
export async function requirePageUser(path: string, role: Role = "student"): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(safeNext(path))}`);
  if (!hasRole(user, role)) notFound();
  return user;
}
