"use client";

import { useState } from "react";

interface LanguageOption {
  id: string;
  name: string;
  version: string;
  defaultFile: string;
}

interface RunAnswer {
  status?: string;
  compile?: { output: string } | null;
  run?: { output: string; exitCode: number | null; wallTimeMs: number } | null;
  error?: { message: string };
}

/** A plain run form: one file, stdin, output as text. The full editor replaces it. */
export function QuickRun({ languages }: { languages: LanguageOption[] }) {
  const [language, setLanguage] = useState(languages[0]?.id ?? "python");
  const [code, setCode] = useState('print("Hello from Runbox")');
  const [stdin, setStdin] = useState("");
  const [answer, setAnswer] = useState<RunAnswer | null>(null);
  const [busy, setBusy] = useState(false);

  async function run() {
    setBusy(true);
    setAnswer(null);
    try {
      const file = languages.find((l) => l.id === language)?.defaultFile;
      const res = await fetch("/api/v1/runs", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ language, files: [{ name: file, content: code }], stdin }),
      });
      setAnswer((await res.json()) as RunAnswer);
    } catch {
      setAnswer({ error: { message: "Could not reach the server." } });
    } finally {
      setBusy(false);
    }
  }

  const output = answer?.error?.message ?? `${answer?.compile?.output ?? ""}${answer?.run?.output ?? ""}`;
  return (
    <section className="flex flex-col gap-3" aria-label="Quick run">
      <label className="flex items-center gap-2 text-sm">
        Language
        <select
          data-testid="language"
          className="rounded border border-zinc-300 bg-transparent px-2 py-1 dark:border-zinc-700"
          value={language}
          onChange={(e) => setLanguage(e.target.value)}
        >
          {languages.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name} {l.version}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Code
        <textarea
          data-testid="code"
          className="h-48 rounded border border-zinc-300 bg-transparent p-2 font-mono text-sm dark:border-zinc-700"
          value={code}
          spellCheck={false}
          onChange={(e) => setCode(e.target.value)}
        />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Standard input
        <textarea
          data-testid="stdin"
          className="h-16 rounded border border-zinc-300 bg-transparent p-2 font-mono text-sm dark:border-zinc-700"
          value={stdin}
          onChange={(e) => setStdin(e.target.value)}
        />
      </label>
      <button
        type="button"
        data-testid="run"
        onClick={run}
        disabled={busy}
        className="self-start rounded bg-emerald-600 px-4 py-2 font-medium text-white disabled:opacity-50"
      >
        {busy ? "Running…" : "Run"}
      </button>
      {answer && (
        <div className="flex flex-col gap-1">
          <p data-testid="status" className="text-sm font-medium">
            {answer.status ?? "error"}
          </p>
          <pre
            data-testid="output"
            className="min-h-12 whitespace-pre-wrap rounded bg-zinc-100 p-3 font-mono text-sm dark:bg-zinc-900"
          >
            {output}
          </pre>
        </div>
      )}
    </section>
  );
}
