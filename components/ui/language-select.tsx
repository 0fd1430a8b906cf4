"use client";

import { useId } from "react";

interface LanguageOption {
  id: string;
  name: string;
  version: string;
  /** What programs in this language can use (GET /api/v1/languages' `libraries`). */
  libraries?: string[];
}

/**
 * The language picker of the playground and the exercise page: each language with its version,
 * and what the chosen one's programs can use. The list is a disclosure (a button for the keyboard,
 * its text for a screen reader) and also the select's description, so it is read with the choice.
 */
export function LanguageSelect(props: { languages: LanguageOption[]; value: string; onChange: (id: string) => void }) {
  const id = useId();
  const current = props.languages.find((l) => l.id === props.value);
  const libraries = current?.libraries ?? [];
  const described = libraries.length > 0 ? `${id}-libraries` : undefined;
  return (
    <div className="flex items-center gap-2 text-sm">
      <label className="flex items-center gap-2">
        <span className="sr-only sm:not-sr-only">Language</span>
        <select
          data-testid="language"
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          aria-describedby={described}
          className="rounded border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900"
        >
          {props.languages.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name} {l.version}
            </option>
          ))}
        </select>
      </label>
      {described && (
        <>
          <span id={described} className="sr-only">
            Libraries: {libraries.join(", ")}
          </span>
          <details className="relative" data-testid="language-libraries">
            <summary className="cursor-pointer rounded px-1 text-zinc-700 underline decoration-dotted hover:decoration-solid dark:text-zinc-300">
              Libraries
            </summary>
            <div className="absolute right-0 z-30 mt-1 w-72 max-w-[85vw] sm:right-auto sm:left-0 rounded border border-zinc-300 bg-white p-2 shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
              <p className="text-xs text-zinc-700 dark:text-zinc-300">{current?.name} programs can use:</p>
              <ul className="mt-1 list-disc pl-5" data-testid="language-libraries-list">
                {libraries.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            </div>
          </details>
        </>
      )}
    </div>
  );
}
