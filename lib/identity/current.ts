import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import type { SessionUser } from "../auth/roles";
import { parseSessionToken, SESSION_COOKIE, sessionIdOf } from "../auth/session-token";
import { sessionUser } from "../db/sessions";
import { ensureOwner, OWNER_COOKIE } from "../owner";
import { verifyOwnerToken } from "./owner-token";

/**
 * Who is asking: a signed-in user (their session) or an anonymous browser (its signed owner
 * cookie; null before the first page). `ownerId` is what runs, shares and submissions are
 * stored under: the user's id when signed in, the browser's id otherwise. Every ownership
 * check in pages, route handlers and actions compares against it.
 */
export type Identity =
  | { kind: "user"; user: SessionUser; ownerId: string; sessionId: string; browserId: string | null }
  | { kind: "anonymous"; user: null; ownerId: string | null; browserId: string | null };

async function resolve(sessionCookie: string | undefined, ownerCookie: string | undefined): Promise<Identity> {
  const browserId = verifyOwnerToken(ownerCookie);
  const token = parseSessionToken(sessionCookie);
  if (token) {
    const sessionId = sessionIdOf(token);
    const user = await sessionUser(sessionId);
    if (user) return { kind: "user", user, ownerId: user.id, sessionId, browserId };
  }
  return { kind: "anonymous", user: null, ownerId: browserId, browserId };
}

/** The identity of this request (pages, actions, route handlers); read once per request. */
export const currentIdentity = cache(async (): Promise<Identity> => {
  const jar = await cookies();
  return resolve(jar.get(SESSION_COOKIE)?.value, jar.get(OWNER_COOKIE)?.value);
});

/** The identity of a Request (where next/headers has no request scope). */
export function identityOf(request: Request): Promise<Identity> {
  const jar = new Map<string, string>();
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    const name = part.slice(0, eq).trim();
    // The first valid cookie of a name wins, as browsers send the most specific first.
    if (eq > 0 && !jar.has(name)) jar.set(name, part.slice(eq + 1).trim());
  }
  return resolve(jar.get(SESSION_COOKIE), jar.get(OWNER_COOKIE));
}

/** The signed-in user, or null. */
export async function currentUser(): Promise<SessionUser | null> {
  return (await currentIdentity()).user;
}

/**
 * The owner id to store new rows under, making an anonymous cookie when the browser has none
 * (only where cookies may be set: actions and route handlers).
 */
export async function ensureOwnerId(): Promise<string> {
  const identity = await currentIdentity();
  return identity.ownerId ?? (await ensureOwner());
}
