import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

/**
 * Password hashes: scrypt (node:crypto, no native dependency) with N = 2^15, r = 8, p = 1 —
 * 32 MiB and about 50–100 ms per hash here, OWASP's recommended minimum — a 16-byte random
 * salt and a 32-byte key, stored as `scrypt$N$r$p$salt$key` so the cost can rise later
 * without invalidating older hashes.
 */
const COST = { N: 2 ** 15, r: 8, p: 1 };
const KEY_BYTES = 32;
/** The longest password accepted: hashing stays cheap whatever a client sends. */
export const MAX_PASSWORD_LENGTH = 256;

function derive(password: string, salt: Buffer, c: typeof COST): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFC"), salt, KEY_BYTES, { ...c, maxmem: 256 * c.N * c.r }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return `scrypt$${COST.N}$${COST.r}$${COST.p}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

/** Whether `password` matches a stored hash; compares in constant time; false for any malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split("$");
  const c = { N: Number(n), r: Number(r), p: Number(p) };
  // Only costs this code could have written: a tampered row cannot make a sign-in take minutes.
  if (scheme !== "scrypt" || !salt || !key || c.N > 2 ** 17 || c.N < 2 || c.r > 16 || c.r < 1 || c.p !== 1)
    return false;
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  const expected = Buffer.from(key, "base64url");
  if (expected.length !== KEY_BYTES) return false;
  const actual = await derive(password, Buffer.from(salt, "base64url"), c);
  return timingSafeEqual(actual, expected);
}

let dummy: Promise<string> | undefined;
/**
 * A hash to check a password against when the username does not exist, so an unknown user takes
 * as long to refuse as a wrong password (the answer is the same too).
 */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(12).toString("base64url"));
  return dummy;
}
