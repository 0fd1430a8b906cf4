"use client";

import { useActionState, useState } from "react";
import { createApiKeyAction, type NewKeyState } from "@/app/account/api-key-actions";
import { BUTTON, BUTTON_PRIMARY, ERROR_TEXT, INPUT, MUTED } from "@/components/ui/styles";

/** Name a new key and make it; its token is shown here once, with a copy button. */
export function NewApiKeyForm() {
  const [state, submit, pending] = useActionState<NewKeyState, FormData>(createApiKeyAction, {});
  const [copied, setCopied] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-2">
      <form action={submit} className="flex flex-wrap items-end gap-2" aria-label="Make an API key">
        <label className="flex flex-col gap-1 text-sm font-medium">
          Name
          <input
            name="name"
            required
            maxLength={60}
            placeholder="grading script"
            className={INPUT}
            data-testid="key-name"
          />
        </label>
        <button type="submit" className={BUTTON_PRIMARY} disabled={pending} data-testid="key-create">
          Make a key
        </button>
      </form>
      {state.error && (
        <p role="alert" className={ERROR_TEXT} data-testid="key-error">
          {state.error}
        </p>
      )}
      {state.token && (
        <div
          className="flex flex-col gap-1 rounded border border-emerald-700 p-3 dark:border-emerald-400"
          data-testid="new-key-box"
        >
          <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
            {state.ok}
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <label className="sr-only" htmlFor="new-key">
              Your new API key
            </label>
            <input
              id="new-key"
              readOnly
              value={state.token}
              className={`${INPUT} min-w-80 flex-1 font-mono text-sm`}
              data-testid="new-key"
              onFocus={(e) => e.currentTarget.select()}
            />
            <button
              type="button"
              className={BUTTON}
              onClick={() =>
                navigator.clipboard?.writeText(state.token ?? "").then(() => setCopied(state.token ?? null))
              }
            >
              {copied === state.token ? "Copied" : "Copy"}
            </button>
          </div>
          <p className={`text-xs ${MUTED}`}>
            Send it as <code>Authorization: Bearer {"<key>"}</code>. Runbox keeps only a hash of it: lost, it cannot be
            shown again (make a new one and revoke this one).
          </p>
        </div>
      )}
    </div>
  );
}
