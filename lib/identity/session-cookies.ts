import "server-only";
import { cookies, headers } from "next/headers";
import type { SessionUser } from "../auth/roles";
import { newSessionToken, SESSION_COOKIE, SESSION_TTL_MS } from "../auth/session-token";
import { adoptOwnerRows } from "../db/adoption";
import { createSession, deleteSession, deleteUserSessions } from "../db/sessions";
import { log } from "../log";
import { OWNER_COOKIE, OWNER_COOKIE_OPTIONS } from "../owner";
import { adoptLiveRuns } from "../runs/live-runs";
import { currentIdentity } from "./current";
import { newOwnerToken } from "./owner-token";

const SESSION_COOKIE_OPTIONS = {
  httpOnly: true,
  sameSite: "lax" as const,
  path: "/",
  maxAge: SESSION_TTL_MS / 1000,
};

/** A fresh anonymous id: what this browser does signed out is not tied to what it did before. */
async function freshBrowser(): Promise<void> {
  (await cookies()).set(OWNER_COOKIE, newOwnerToken().token, OWNER_COOKIE_OPTIONS);
}

/**
 * Sign `user` in on this browser: the browser's anonymous runs, shares and submissions become
 * theirs, any session the browser had ends (a new token every sign-in: a token seen before
 * signing in is worth nothing after), and the browser gets a new anonymous id.
 */
export async function beginSession(user: SessionUser): Promise<void> {
  const identity = await currentIdentity();
  if (identity.kind === "user") await deleteSession(identity.sessionId);
  if (identity.browserId) {
    const moved = await adoptOwnerRows(identity.browserId, user.id);
    adoptLiveRuns(identity.browserId, user.id);
    if (moved.runs + moved.shares + moved.submissions > 0)
      log.info({ user: user.id, ...moved }, "adopted browser rows");
  }
  const { token, id } = newSessionToken();
  await createSession(id, user.id, (await headers()).get("user-agent") ?? "");
  (await cookies()).set(SESSION_COOKIE, token, SESSION_COOKIE_OPTIONS);
  await freshBrowser();
}

/** Sign this browser out (its session row is deleted, not just the cookie). */
export async function endSession(): Promise<void> {
  const identity = await currentIdentity();
  if (identity.kind === "user") await deleteSession(identity.sessionId);
  (await cookies()).delete(SESSION_COOKIE);
  await freshBrowser();
}

/** Sign the user out on every browser, this one included. */
export async function endAllSessions(): Promise<number> {
  const identity = await currentIdentity();
  const ended = identity.kind === "user" ? await deleteUserSessions(identity.user.id) : 0;
  (await cookies()).delete(SESSION_COOKIE);
  await freshBrowser();
  return ended;
}
