"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { judgeSolution } from "@/app/actions";
import { DebugPanel } from "@/components/debug/debug-panel";
import { CodeEditor } from "@/components/ui/code-editor";
import { LanguageSelect } from "@/components/ui/language-select";
import type { DebugReport } from "@/lib/debug/types";
import type { PublicJudgement } from "@/lib/judge/judge";
import { VerdictGrid } from "./verdict-grid";

interface LanguageOption {
  id: string;
  name: string;
  version: string;
  defaultFile: string;
  monaco: string;
}

interface Props {
  slug: string;
  languages: LanguageOption[];
  starter: Record<string, { name: string; content: string }>;
}

const storageKey = (slug: string, language: string) => `runbox:exercise:v1:${slug}:${language}`;

/** Editor with the starter code, "Run samples" and "Submit"; code is kept per exercise and language. */
export function Workbench({ slug, languages, starter }: Props) {
  const router = useRouter();
  const [language, setLanguage] = useState(languages.find((l) => starter[l.id])?.id ?? languages[0]?.id ?? "python");
  const lang = languages.find((l) => l.id === language);
  const fallback = starter[language] ?? { name: lang?.defaultFile ?? "main.txt", content: "" };
  const [code, setCode] = useState<string>(fallback.content);
  // The judge reads the latest code through a ref: a click may come before the re-render.
  const codeRef = useRef(code);
  codeRef.current = code;
  const [busy, setBusy] = useState<null | "samples" | "submit">(null);
  const [result, setResult] = useState<{ mode: string; judgement: PublicJudgement & { debug?: DebugReport } } | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);

  // Saved code is read after hydration, once per exercise and language; an edit made before
  // that (or since) is never overwritten by it.
  const loadedKey = useRef<string | null>(null);
  useEffect(() => {
    const key = storageKey(slug, language);
    if (loadedKey.current === key) return;
    loadedKey.current = key;
    setCode(localStorage.getItem(key) ?? starter[language]?.content ?? "");
  }, [slug, language, starter]);

  async function judge(mode: "samples" | "submit") {
    setBusy(mode);
    setError(null);
    setResult(null);
    const files = [{ name: fallback.name, content: codeRef.current }];
    const res = await judgeSolution(slug, { language, files }, mode).catch(() => null);
    setBusy(null);
    if (!res) setError("Could not reach the server.");
    else if (!res.ok) setError(res.error.message);
    else {
      setResult({ mode, judgement: res.judgement });
      if (mode === "submit") router.refresh();
    }
  }

  const button = "rounded px-4 py-1.5 font-medium disabled:opacity-50";
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="flex flex-wrap items-center gap-2 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
        <LanguageSelect languages={languages} value={language} onChange={setLanguage} />
        <button
          type="button"
          data-testid="run-samples"
          disabled={busy !== null}
          onClick={() => judge("samples")}
          className={`${button} border border-zinc-300 dark:border-zinc-700`}
        >
          {busy === "samples" ? "Running samples…" : "Run samples"}
        </button>
        <button
          type="button"
          data-testid="submit"
          disabled={busy !== null}
          onClick={() => judge("submit")}
          className={`${button} bg-emerald-600 text-white`}
        >
          {busy === "submit" ? "Judging…" : "Submit"}
        </button>
        <button
          type="button"
          className="ml-auto text-sm text-zinc-500 underline"
          onClick={() => {
            localStorage.removeItem(storageKey(slug, language));
            setCode(starter[language]?.content ?? "");
          }}
        >
          Reset to starter
        </button>
      </div>
      <div className="h-[55vh] min-h-64 shrink-0">
        <CodeEditor
          label={`Your solution in ${lang?.name ?? language}`}
          path={`exercise/${slug}/${language}/${fallback.name}`}
          language={lang?.monaco ?? "plaintext"}
          value={code}
          onChange={(v) => {
            loadedKey.current = storageKey(slug, language);
            codeRef.current = v;
            setCode(v);
            localStorage.setItem(storageKey(slug, language), v);
          }}
        />
      </div>
      <div
        className="min-h-0 flex-1 overflow-auto border-t border-zinc-200 p-3 dark:border-zinc-800"
        aria-live="polite"
      >
        {error && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400" data-testid="judge-error">
            {error}
          </p>
        )}
        {result && (
          <div className="flex flex-col gap-2">
            <p className="text-sm text-zinc-500">{result.mode === "samples" ? "Sample tests" : "All tests"}</p>
            <VerdictGrid judgement={result.judgement} />
            {result.judgement.debug && <DebugPanel report={result.judgement.debug} language={language} />}
            {result.judgement.compile && result.judgement.verdict === "CE" && (
              <pre
                data-testid="compile-output"
                className="max-h-60 overflow-auto whitespace-pre-wrap rounded bg-zinc-100 p-2 font-mono text-xs dark:bg-zinc-900"
              >
                {result.judgement.compile.output}
              </pre>
            )}
          </div>
        )}
        {!result && !error && (
          <p className="text-sm text-zinc-500">Run the samples to check your idea, then submit for all tests.</p>
        )}
      </div>
    </div>
  );
}
