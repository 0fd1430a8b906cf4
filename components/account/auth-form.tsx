"use client";

import Link from "next/link";
import { useActionState } from "react";
import type { AuthFormState } from "@/app/account/actions";
import { BUTTON_PRIMARY, ERROR_TEXT, INPUT, MUTED } from "@/components/ui/styles";

interface Props {
  mode: "sign-in" | "sign-up";
  action: (prev: AuthFormState, form: FormData) => Promise<AuthFormState>;
  next: string;
}

/** The sign-in and sign-up forms: username and password (no e-mail: Runbox may be offline). */
export function AuthForm({ mode, action, next }: Props) {
  const [state, submit, pending] = useActionState(action, {});
  const up = mode === "sign-up";
  const err = (name: string) => state.fieldErrors?.[name];
  const other = `${up ? "/sign-in" : "/sign-up"}${next !== "/account" ? `?next=${encodeURIComponent(next)}` : ""}`;
  return (
    <form action={submit} className="flex flex-col gap-3" data-testid={`${mode}-form`} noValidate>
      <input type="hidden" name="next" value={next} />
      <label className="flex flex-col gap-1 text-sm font-medium">
        Username
        <input
          name="username"
          autoComplete="username"
          required
          defaultValue={state.username ?? ""}
          className={INPUT}
          data-testid="username"
          aria-invalid={err("username") ? true : undefined}
          aria-describedby={up ? "username-help" : undefined}
        />
      </label>
      {up && (
        <p id="username-help" className={`-mt-2 text-xs ${MUTED}`}>
          3 to 32 letters, digits, "_" or "-". Your teacher sees it.
        </p>
      )}
      <label className="flex flex-col gap-1 text-sm font-medium">
        Password
        <input
          name="password"
          type="password"
          autoComplete={up ? "new-password" : "current-password"}
          required
          minLength={up ? 10 : undefined}
          className={INPUT}
          data-testid="password"
          aria-invalid={err("password") ? true : undefined}
          aria-describedby={up ? "password-help" : undefined}
        />
      </label>
      {up && (
        <>
          <p id="password-help" className={`-mt-2 text-xs ${MUTED}`}>
            At least 10 characters; common passwords are refused.
          </p>
          <label className="flex flex-col gap-1 text-sm font-medium">
            Password again
            <input
              name="confirm"
              type="password"
              autoComplete="new-password"
              required
              className={INPUT}
              data-testid="confirm"
              aria-invalid={err("confirm") ? true : undefined}
            />
          </label>
        </>
      )}
      {state.error && (
        <p role="alert" className={ERROR_TEXT} data-testid="auth-error">
          {state.error}
        </p>
      )}
      <button type="submit" disabled={pending} className={BUTTON_PRIMARY} data-testid="auth-submit">
        {pending ? "Please wait…" : up ? "Create account" : "Sign in"}
      </button>
      <p className={`text-sm ${MUTED}`}>
        {up ? "Have an account? " : "New here? "}
        <Link href={other} className="text-emerald-800 underline dark:text-emerald-300">
          {up ? "Sign in" : "Create an account"}
        </Link>
      </p>
    </form>
  );
}
