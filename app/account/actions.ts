"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { type AuthOutcome, changePassword, signIn, signUp } from "@/lib/auth/accounts";
import { deleteOtherSessions } from "@/lib/db/sessions";
import { addressKey } from "@/lib/http/client-address";
import type { FormResult } from "@/lib/http/form-result";
import { currentIdentity } from "@/lib/identity/current";
import { safeNext } from "@/lib/identity/pages";
import { beginSession, endAllSessions, endSession } from "@/lib/identity/session-cookies";
import { log } from "@/lib/log";

/** What a sign-in or sign-up form shows after a refused attempt. */
export interface AuthFormState {
  error?: string;
  fieldErrors?: Record<string, string>;
  username?: string;
}

const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

async function finish(outcome: AuthOutcome, form: FormData): Promise<AuthFormState> {
  if (!outcome.ok)
    return { error: outcome.error.message, fieldErrors: outcome.error.fieldErrors, username: field(form, "username") };
  await beginSession(outcome.user);
  redirect(safeNext(field(form, "next"), "/account"));
}

async function attempt(run: () => Promise<AuthOutcome>, form: FormData): Promise<AuthFormState> {
  let outcome: AuthOutcome;
  try {
    outcome = await run();
  } catch (err) {
    log.error({ err }, "sign-in or sign-up failed");
    return { error: "Something went wrong on the server. Try again.", username: field(form, "username") };
  }
  // Outside the try: redirect() works by throwing.
  return finish(outcome, form);
}

export async function signUpAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  const address = addressKey(await headers());
  const input = {
    username: field(form, "username"),
    password: field(form, "password"),
    confirm: field(form, "confirm"),
  };
  return attempt(() => signUp(input, address), form);
}

export async function signInAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  const address = addressKey(await headers());
  const input = { username: field(form, "username"), password: field(form, "password") };
  return attempt(() => signIn(input, address), form);
}

export async function signOutAction(): Promise<void> {
  await endSession();
  redirect("/");
}

export async function signOutEverywhereAction(): Promise<void> {
  await endAllSessions();
  redirect("/sign-in");
}

/** Change the password (the current one is asked); every other browser is signed out. */
export async function changePasswordAction(_prev: FormResult, form: FormData): Promise<FormResult> {
  const identity = await currentIdentity();
  if (identity.kind !== "user") return { error: "Sign in first." };
  try {
    const outcome = await changePassword(identity.user.username, {
      current: field(form, "current"),
      password: field(form, "password"),
      confirm: field(form, "confirm"),
    });
    if (!outcome.ok) return { error: outcome.error.message };
    const ended = await deleteOtherSessions(identity.user.id, identity.sessionId);
    return {
      ok: `Password changed${ended ? `; ${ended} other ${ended === 1 ? "browser was" : "browsers were"} signed out` : ""}.`,
    };
  } catch (err) {
    log.error({ err }, "password change failed");
    return { error: "Something went wrong on the server. Try again." };
  }
}
