import "server-only";
import { cookies } from "next/headers";
import { newOwnerToken, verifyOwnerToken } from "./identity/owner-token";

/**
 * The anonymous owner cookie: a random id signed by the server (lib/identity/owner-token.ts),
 * HttpOnly, SameSite=Lax. Set by proxy.ts on the first page; anything unsigned is no identity.
 */
export const OWNER_COOKIE = "runbox_owner";
export const OWNER_COOKIE_OPTIONS = {
  httpOnly: true,
  sameSite: "lax" as const,
  path: "/",
  maxAge: 60 * 60 * 24 * 365 * 2,
};

/** The current visitor's owner id, or null when they have none (API clients, first request). */
export async function currentOwner(): Promise<string | null> {
  return verifyOwnerToken((await cookies()).get(OWNER_COOKIE)?.value);
}

/** The owner id of a route handler's request (works where next/headers has no request scope). */
export function ownerOf(request: Request): string | null {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === OWNER_COOKIE) {
      const id = verifyOwnerToken(part.slice(eq + 1).trim());
      if (id) return id;
    }
  }
  return null;
}

/** The owner id, creating the cookie when missing (only where cookies may be set: actions, routes). */
export async function ensureOwner(): Promise<string> {
  const existing = await currentOwner();
  if (existing) return existing;
  const { id, token } = newOwnerToken();
  (await cookies()).set(OWNER_COOKIE, token, OWNER_COOKIE_OPTIONS);
  return id;
}
