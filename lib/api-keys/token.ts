import { createHash, randomBytes } from "node:crypto";

/** Every key starts with this, so a leaked one is recognisable (secret scanners, logs). */
export const KEY_PREFIX = "rbx_";
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/** 43 characters of 62: 256 bits, far beyond guessing. */
const SECRET_LENGTH = 43;
/** Characters after "rbx_" kept (not secret) to tell keys apart in lists. */
const DISPLAY_LENGTH = 8;
const TOKEN = new RegExp(`^${KEY_PREFIX}[0-9A-Za-z]{${SECRET_LENGTH}}$`);

/** The stored form of a token: hex SHA-256 (a copy of the database opens nothing). */
export const keyHashOf = (token: string): string => createHash("sha256").update(token).digest("hex");

/** A new key: the token (shown once), its hash (stored) and its display prefix. */
export function newApiKeyToken(): { token: string; hash: string; prefix: string } {
  // Rejection sampling: bytes ≥ 248 would make the first 62 characters a little likelier.
  let secret = "";
  while (secret.length < SECRET_LENGTH) {
    for (const b of randomBytes(64)) {
      if (b < 248 && secret.length < SECRET_LENGTH) secret += ALPHABET[b % 62];
    }
  }
  const token = `${KEY_PREFIX}${secret}`;
  return { token, hash: keyHashOf(token), prefix: secret.slice(0, DISPLAY_LENGTH) };
}

/** Whether a string has a key's shape (anything else is refused without asking the database). */
export const isApiKeyToken = (value: string): boolean => TOKEN.test(value);

/** How a key is shown once it is stored: "rbx_AbCd1234…". */
export const displayKey = (prefix: string): string => `${KEY_PREFIX}${prefix}…`;
