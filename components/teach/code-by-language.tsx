"use client";

import { useState } from "react";
import { INPUT } from "@/components/ui/styles";

interface Props {
  label: string;
  languages: { id: string; name: string }[];
  value: Record<string, string>;
  onChange: (value: Record<string, string>) => void;
  testId: string;
}

/** Code per language (the starter files): pick a language, edit its code; empty means none. */
export function CodeByLanguage({ label, languages, value, onChange, testId }: Props) {
  const [language, setLanguage] = useState(languages[0]?.id ?? "python");
  const id = `${testId}-code`;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label className="flex items-center gap-2 font-medium">
          {label} in
          <select
            value={language}
            onChange={(e) => setLanguage(e.target.value)}
            className={INPUT}
            data-testid={`${testId}-language`}
          >
            {languages.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
                {value[l.id]?.trim() ? " ✓" : ""}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label htmlFor={id} className="sr-only">
        {label} code
      </label>
      <textarea
        id={id}
        value={value[language] ?? ""}
        onChange={(e) => onChange({ ...value, [language]: e.target.value })}
        spellCheck={false}
        className={`${INPUT} h-40 font-mono text-sm`}
        data-testid={id}
      />
    </div>
  );
}
