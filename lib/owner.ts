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

/**
 * The anonymous browser's id, creating the cookie when missing (only where cookies may be set:
 * actions, routes). Who is asking — a user or this browser — is lib/identity/current.ts's answer.
 */
export async function ensureOwner(): Promise<string> {
  const existing = verifyOwnerToken((await cookies()).get(OWNER_COOKIE)?.value);
  if (existing) return existing;
  const { id, token } = newOwnerToken();
  (await cookies()).set(OWNER_COOKIE, token, OWNER_COOKIE_OPTIONS);
  return id;
}
