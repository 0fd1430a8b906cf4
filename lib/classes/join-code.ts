import { customAlphabet } from "nanoid";

/**
 * Join codes: 10 characters without look-alikes (no 0/O, 1/I/L): 31^10 ≈ 2^49, and joining is
 * throttled per address, so guessing one is hopeless. Shown grouped "ABCDE-FGHJK"; any case and
 * dashes are accepted.
 */
export const JOIN_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const newJoinCode = customAlphabet(JOIN_ALPHABET, 10);

/** A code as typed ("abcde-fghjk ") → stored form, or null when it cannot be one. */
export function normalizeJoinCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, "").toUpperCase();
  return code.length === 10 && [...code].every((c) => JOIN_ALPHABET.includes(c)) ? code : null;
}
