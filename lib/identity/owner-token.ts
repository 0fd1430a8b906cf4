import { createHmac, timingSafeEqual } from "node:crypto";
import { nanoid } from "nanoid";
import { serverSecret } from "./server-secret";

/**
 * The owner cookie's value: `<id>.<HMAC-SHA256(secret, id)>`. The id (21 nanoid characters,
 * 126 random bits) is what runs are stored under; the signature makes a new identity cost a
 * visit to the server instead of being any string a client invents. No Next.js imports:
 * proxy.ts and lib/owner.ts both use it.
 */
const ID = /^[\w-]{21}$/;

const signature = (id: string) => createHmac("sha256", serverSecret()).update(`runbox-owner:${id}`).digest("base64url");

export function signOwnerId(id: string): string {
  return `${id}.${signature(id)}`;
}

/** The owner id of a well-signed token; null for anything else (absent, unsigned, forged, tampered). */
export function verifyOwnerToken(token: string | undefined | null): string | null {
  if (!token || token.length > 100) return null;
  const id = token.slice(0, 21);
  if (token[21] !== "." || !ID.test(id)) return null;
  const given = Buffer.from(token.slice(22));
  const expected = Buffer.from(signature(id));
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}

/** A fresh identity: its id and the signed cookie value. */
export function newOwnerToken(): { id: string; token: string } {
  const id = nanoid();
  return { id, token: signOwnerId(id) };
}
