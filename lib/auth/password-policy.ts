import common from "./common-passwords.json";
import { MAX_PASSWORD_LENGTH } from "./password";

export const MIN_PASSWORD_LENGTH = 10;

// Built once: 1,557 entries (lib/auth/common-passwords.json, see scripts/build-common-passwords.mjs).
let commonSet: Set<string> | undefined;

const SEQUENCES = ["0123456789", "abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl", "zxcvbnm"];

/** A run of one character or of a keyboard/alphabet/digit sequence, repeated: "aaaaaaaaaa", "1234512345". */
function isPattern(pw: string): boolean {
  if (new Set(pw).size <= 3) return true;
  for (let len = 1; len <= pw.length / 2; len++) {
    const unit = pw.slice(0, len);
    if (unit.repeat(Math.ceil(pw.length / len)).startsWith(pw)) return true;
  }
  return SEQUENCES.some((s) => {
    const forward = s.repeat(3);
    const backward = [...forward].reverse().join("");
    return forward.includes(pw) || backward.includes(pw);
  });
}

/**
 * Why a password is refused, or null: at least 10 characters, at most 256, not in the list of
 * common leaked passwords, not a repeated pattern, and not the username (case-insensitive).
 */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  const lower = password.toLowerCase();
  commonSet ??= new Set(common as string[]);
  if (commonSet.has(lower)) return "This password is on a list of common passwords: choose another.";
  if (isPattern(lower)) return "This password is a simple pattern: choose something harder to guess.";
  if (username && lower.includes(username.toLowerCase())) return "The password must not contain the username.";
  return null;
}
