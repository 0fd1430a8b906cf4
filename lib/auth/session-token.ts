import { createHash, randomBytes } from "node:crypto";

/** The session cookie: HttpOnly, SameSite=Lax, 30 days, renewed while used. */
export const SESSION_COOKIE = "runbox_session";
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** The stored id of a session: SHA-256 of the cookie's token, so a copy of the database signs nobody in. */
export const sessionIdOf = (token: string): string => createHash("sha256").update(token).digest("hex");

/** A new session: the token for the cookie (256 random bits) and the id to store. */
export function newSessionToken(): { token: string; id: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, id: sessionIdOf(token) };
}

/** A well-formed token from a cookie, or null (the database is not asked about anything else). */
export const parseSessionToken = (value: string | undefined | null): string | null =>
  value && /^[\w-]{43}$/.test(value) ? value : null;
