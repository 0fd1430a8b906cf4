import "server-only";
import { hasRole, type SessionUser } from "@/lib/auth/roles";
import { currentUser } from "@/lib/identity/current";

/**
 * The signed-in admin, checked on the server for every admin action (a form can be posted by
 * anyone who knows its action id): null when the caller is not an admin now.
 */
export async function currentAdmin(): Promise<SessionUser | null> {
  const user = await currentUser();
  return user && hasRole(user, "admin") ? user : null;
}
