import Link from "next/link";
import { signOutAction } from "@/app/account/actions";
import { hasRole } from "@/lib/auth/roles";
import { currentUser } from "@/lib/identity/current";

/** The header's right side: "Sign in" when signed out; the user's links and "Sign out" otherwise. */
export async function AccountMenu() {
  const user = await currentUser();
  if (!user)
    return (
      <Link href="/sign-in" className="text-sm hover:underline" data-testid="nav-sign-in">
        Sign in
      </Link>
    );
  return (
    <div className="flex items-center gap-3 text-sm">
      <Link href="/classes" className="hover:underline" data-testid="nav-classes">
        Classes
      </Link>
      {hasRole(user, "teacher") && (
        <Link href="/teach/exercises" className="hover:underline" data-testid="nav-teach">
          My exercises
        </Link>
      )}
      {hasRole(user, "admin") && (
        <Link href="/admin" className="hover:underline" data-testid="nav-admin">
          Admin
        </Link>
      )}
      <Link href="/account" className="font-medium hover:underline" data-testid="nav-account">
        {user.username}
      </Link>
      <form action={signOutAction}>
        <button type="submit" className="hover:underline" data-testid="sign-out">
          Sign out
        </button>
      </form>
    </div>
  );
}
