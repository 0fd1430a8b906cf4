import "server-only";
import { nanoid } from "nanoid";
import { cookies } from "next/headers";

/** The anonymous owner cookie: 126 random bits, HttpOnly, SameSite=Lax. Set by proxy.ts. */
export const OWNER_COOKIE = "runbox_owner";
export const OWNER_COOKIE_OPTIONS = {
  httpOnly: true,
  sameSite: "lax" as const,
  path: "/",
  maxAge: 60 * 60 * 24 * 365 * 2,
};

export const isOwnerId = (v: string | undefined): v is string => typeof v === "string" && /^[\w-]{21}$/.test(v);

/** The current visitor's owner id, or null when they have none (API clients, first request). */
export async function currentOwner(): Promise<string | null> {
  const value = (await cookies()).get(OWNER_COOKIE)?.value;
  return isOwnerId(value) ? value : null;
}

/** The owner id, creating the cookie when missing (only where cookies may be set: actions, routes). */
export async function ensureOwner(): Promise<string> {
  const existing = await currentOwner();
  if (existing) return existing;
  const id = nanoid();
  (await cookies()).set(OWNER_COOKIE, id, OWNER_COOKIE_OPTIONS);
  return id;
}
