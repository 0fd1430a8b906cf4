import "server-only";
import { z } from "zod";
import {
  clearFailedSignIns,
  createUser,
  findUserByUsername,
  noteFailedSignIn,
  setPasswordHash,
  setRole,
} from "../db/users";
import { adminUsernames } from "../env";
import { dummyHash, hashPassword, MAX_PASSWORD_LENGTH, verifyPassword } from "./password";
import { passwordProblem } from "./password-policy";
import type { SessionUser } from "./roles";
import { lockedForMs, takeAuthAttempt } from "./throttle";
import { Username } from "./username";

export type AuthOutcome =
  | { ok: true; user: SessionUser }
  | { ok: false; error: { code: string; message: string; fieldErrors?: Record<string, string> } };

const fail = (code: string, message: string, fieldErrors?: Record<string, string>): AuthOutcome => ({
  ok: false,
  error: { code, message, ...(fieldErrors ? { fieldErrors } : {}) },
});

const Credentials = z.object({
  username: z.string().max(200),
  password: z.string().max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`),
});

const WRONG = "Wrong username or password.";

async function throttled(address: string): Promise<AuthOutcome | null> {
  const t = await takeAuthAttempt(address);
  return t.allowed
    ? null
    : fail("rate_limited", `Too many attempts from your network address: wait ${t.retryAfterSec} s and try again.`);
}

/** Promote a user named in RUNBOX_ADMIN_USERS (checked at every sign-up and sign-in). */
async function withConfiguredRole(user: SessionUser): Promise<SessionUser> {
  if (user.role !== "admin" && adminUsernames().has(user.username)) {
    await setRole(user.id, "admin");
    return { ...user, role: "admin" };
  }
  return user;
}

/** A new account (a student, or an admin: the first account, or one named in RUNBOX_ADMIN_USERS). */
export async function signUp(input: unknown, address: string): Promise<AuthOutcome> {
  const parsed = Credentials.extend({ confirm: z.string().max(MAX_PASSWORD_LENGTH) }).safeParse(input);
  if (!parsed.success) return fail("invalid_request", "Fill in a username and a password.");
  const username = Username.safeParse(parsed.data.username);
  if (!username.success) {
    const message = username.error.issues[0]?.message ?? "Invalid username.";
    return fail("invalid_request", message, { username: message });
  }
  const problem = passwordProblem(parsed.data.password, username.data);
  if (problem) return fail("invalid_request", problem, { password: problem });
  if (parsed.data.password !== parsed.data.confirm)
    return fail("invalid_request", "The two passwords differ.", { confirm: "The two passwords differ." });
  const refused = await throttled(address);
  if (refused) return refused;
  const role = adminUsernames().has(username.data) ? "admin" : "student";
  const user = await createUser({
    username: username.data,
    passwordHash: await hashPassword(parsed.data.password),
    role,
  });
  if (!user) return fail("taken", "This username is taken: choose another.", { username: "This username is taken." });
  return { ok: true, user: { id: user.id, username: user.username, role: user.role } };
}

/** Check a username and password, with the per-address and per-account throttles. */
export async function signIn(input: unknown, address: string): Promise<AuthOutcome> {
  const parsed = Credentials.safeParse(input);
  if (!parsed.success) return fail("invalid_request", "Fill in your username and password.");
  const refused = await throttled(address);
  if (refused) return refused;
  const username = Username.safeParse(parsed.data.username);
  const user = username.success ? await findUserByUsername(username.data) : null;
  if (!user) {
    // As slow as a wrong password, with the same answer.
    await verifyPassword(parsed.data.password, await dummyHash());
    return fail("wrong_credentials", WRONG);
  }
  const wait = lockedForMs(user);
  if (wait > 0)
    return fail("locked", `Too many failed sign-ins for this account: try again in ${Math.ceil(wait / 1000)} s.`);
  if (!(await verifyPassword(parsed.data.password, user.passwordHash))) {
    await noteFailedSignIn(user.id);
    return fail("wrong_credentials", WRONG);
  }
  if (user.failedSignIns > 0) await clearFailedSignIns(user.id);
  return { ok: true, user: await withConfiguredRole({ id: user.id, username: user.username, role: user.role }) };
}

/** A new password, given the current one (same per-account wait as sign-in after failures). */
export async function changePassword(
  username: string,
  input: { current: string; password: string; confirm: string },
): Promise<AuthOutcome> {
  const user = await findUserByUsername(username);
  if (!user) return fail("not_found", "This account does not exist.");
  const wait = lockedForMs(user);
  if (wait > 0) return fail("locked", `Too many failed attempts: try again in ${Math.ceil(wait / 1000)} s.`);
  if (input.current.length > MAX_PASSWORD_LENGTH || !(await verifyPassword(input.current, user.passwordHash))) {
    await noteFailedSignIn(user.id);
    return fail("wrong_credentials", "The current password is wrong.", { current: "Wrong password." });
  }
  const problem = passwordProblem(input.password, user.username);
  if (problem) return fail("invalid_request", problem, { password: problem });
  if (input.password !== input.confirm)
    return fail("invalid_request", "The two new passwords differ.", { confirm: "The two passwords differ." });
  await setPasswordHash(user.id, await hashPassword(input.password));
  if (user.failedSignIns > 0) await clearFailedSignIns(user.id);
  return { ok: true, user: { id: user.id, username: user.username, role: user.role } };
}
