"use client";

import { useEffect, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { BUTTON_PRIMARY, INPUT } from "@/components/ui/styles";
import type { FormResult } from "@/lib/http/form-result";

interface Props {
  action: (prev: FormResult, form: FormData) => Promise<FormResult>;
  own: { slug: string; title: string }[];
  catalog: { slug: string; title: string }[];
}

/** Pick an exercise (yours or the catalog's) and an optional due date in your own time zone. */
export function AssignForm({ action, own, catalog }: Props) {
  const [offset, setOffset] = useState("0");
  useEffect(() => setOffset(String(new Date().getTimezoneOffset())), []);
  return (
    <ActionForm
      action={action}
      className="flex flex-wrap items-end gap-2"
      testId="assign-form"
      label="Assign an exercise"
    >
      <input type="hidden" name="tzOffset" value={offset} />
      <label className="flex flex-col gap-1 text-sm font-medium">
        Exercise
        <select name="exercise" required className={INPUT} data-testid="assign-exercise" defaultValue="">
          <option value="" disabled>
            Choose…
          </option>
          {own.length > 0 && (
            <optgroup label="Your exercises">
              {own.map((e) => (
                <option key={e.slug} value={e.slug}>
                  {e.title}
                </option>
              ))}
            </optgroup>
          )}
          <optgroup label="Catalog">
            {catalog.map((e) => (
              <option key={e.slug} value={e.slug}>
                {e.title}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        Due (optional)
        <input type="datetime-local" name="due" className={INPUT} data-testid="assign-due" />
      </label>
      <button type="submit" className={BUTTON_PRIMARY} data-testid="assign-submit">
        Assign
      </button>
    </ActionForm>
  );
}
