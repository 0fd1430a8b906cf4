"use client";

import { type ReactNode, useActionState } from "react";
import type { FormResult } from "@/lib/http/form-result";
import { ERROR_TEXT } from "./styles";

interface Props {
  action: (prev: FormResult, form: FormData) => Promise<FormResult>;
  children: ReactNode;
  className?: string;
  testId?: string;
  label?: string;
}

/** A form posting to a server action, showing what it answered (errors as alerts). */
export function ActionForm({ action, children, className, testId, label }: Props) {
  const [state, submit] = useActionState(action, {});
  return (
    <form action={submit} className={className} data-testid={testId} aria-label={label}>
      {children}
      {state.error && (
        <p role="alert" className={`${ERROR_TEXT} basis-full`} data-testid="form-error">
          {state.error}
        </p>
      )}
      {state.ok && (
        <p role="status" className="basis-full text-sm text-emerald-800 dark:text-emerald-300" data-testid="form-ok">
          {state.ok}
        </p>
      )}
    </form>
  );
}
