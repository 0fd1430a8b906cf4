"use client";

import type { Monaco } from "@monaco-editor/react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { judgeSolution } from "@/app/actions";
import { DebugPanel } from "@/components/debug/debug-panel";
import { CodeEditor, type EditorInstance, EditorKeysHint } from "@/components/ui/code-editor";
import { LanguageSelect } from "@/components/ui/language-select";
import type { DebugReport } from "@/lib/debug/types";
import type { PublicJudgement } from "@/lib/judge/judge";
import { CustomInputBox } from "./custom-input";
import { VerdictGrid } from "./verdict-grid";
import { VERDICT_LABEL } from "./verdicts";

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

type Mode = "samples" | "submit";
type Result = { mode: Mode; judgement: PublicJudgement & { debug?: DebugReport } };

const storageKey = (slug: string, language: string) => `runbox:exercise:v1:${slug}:${language}`;

/** What a screen reader hears when a judging ends (the grid itself is not read out cell by cell). */
function announce(r: Result): string {
  const j = r.judgement;
  return `${r.mode === "samples" ? "Samples" : "Submission"}: ${VERDICT_LABEL[j.verdict] ?? j.verdict}, ${j.score} of ${j.maxScore} points.`;
}

/**
 * Editor with the starter code, "Run samples" (also Ctrl/⌘+Enter), "Submit" and "Try your own
 * input"; code is kept per exercise and language.
 */
export function Workbench({ slug, languages, starter }: Props) {
  const router = useRouter();
  const [language, setLanguage] = useState(languages.find((l) => starter[l.id])?.id ?? languages[0]?.id ?? "python");
  const lang = languages.find((l) => l.id === language);
  const fallback = starter[language] ?? { name: lang?.defaultFile ?? "main.txt", content: "" };
  const [code, setCode] = useState<string>(fallback.content);
  // The judge reads the latest code through a ref: a click may come before the re-render.
  const codeRef = useRef(code);
  codeRef.current = code;
  const [busy, setBusy] = useState<null | Mode>(null);
  const busyRef = useRef(busy);
  busyRef.current = busy;
  const [result, setResult] = useState<Result | null>(null);
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

  const solution = () => ({ language, files: [{ name: fallback.name, content: codeRef.current }] });

  async function judge(mode: Mode) {
    if (busyRef.current) return;
    busyRef.current = mode;
    setBusy(mode);
    setError(null);
    setResult(null);
    const res = await judgeSolution(slug, solution(), mode).catch(() => null);
    setBusy(null);
    if (!res) setError("Could not reach the server.");
    else if (!res.ok) setError(res.error.message);
    else {
      setResult({ mode, judgement: res.judgement });
      if (mode === "submit") router.refresh();
    }
  }
  const judgeRef = useRef(judge);
  judgeRef.current = judge;

  // Ctrl/⌘+Enter runs the samples from anywhere on the page (the editor has its own binding).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Enter" || !(e.ctrlKey || e.metaKey)) return;
      e.preventDefault();
      void judgeRef.current("samples");
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  const onMount = (editor: EditorInstance, monaco: Monaco) => {
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => void judgeRef.current("samples"));
  };

  const button = "rounded px-4 py-1.5 font-medium disabled:opacity-50";
  const compileFailed = result?.judgement.verdict === "CE";
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
          title="Run samples (Ctrl+Enter)"
        >
          {busy === "samples" ? "Running samples…" : "Run samples"}
        </button>
        <button
          type="button"
          data-testid="submit"
          disabled={busy !== null}
          onClick={() => judge("submit")}
          className={`${button} bg-emerald-700 text-white`}
        >
          {busy === "submit" ? "Judging…" : "Submit"}
        </button>
        <button
          type="button"
          className="ml-auto text-sm text-zinc-600 underline dark:text-zinc-400"
          onClick={() => {
            // The code typed here would be gone: ask first.
            if (!window.confirm("Replace your code with the starter code? Your code for this language is lost."))
              return;
            localStorage.removeItem(storageKey(slug, language));
            setCode(starter[language]?.content ?? "");
          }}
        >
          Reset to starter
        </button>
      </div>
      <div className="h-[50dvh] min-h-56 shrink-0 lg:h-[50%]">
        <CodeEditor
          label={`Your solution in ${lang?.name ?? language}`}
          path={`exercise/${slug}/${language}/${fallback.name}`}
          language={lang?.monaco ?? "plaintext"}
          value={code}
          onMount={onMount}
          onChange={(v) => {
            loadedKey.current = storageKey(slug, language);
            codeRef.current = v;
            setCode(v);
            localStorage.setItem(storageKey(slug, language), v);
          }}
        />
      </div>
      <EditorKeysHint run="runs the samples" />
      <div className="flex min-h-0 flex-1 flex-col gap-3 overflow-auto border-t border-zinc-200 p-3 dark:border-zinc-800">
        {error && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400" data-testid="judge-error">
            {error}
          </p>
        )}
        {result && (
          <div className="flex flex-col gap-2">
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              {result.mode === "samples" ? "Sample tests" : "All tests"}
            </p>
            <VerdictGrid judgement={result.judgement} />
            {result.judgement.debug ? (
              <DebugPanel report={result.judgement.debug} language={language} messageOpen={compileFailed} />
            ) : (
              compileFailed &&
              result.judgement.compile && (
                <pre
                  data-testid="compile-output"
                  // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region needs focus for arrow keys
                  tabIndex={0}
                  className="max-h-60 overflow-auto whitespace-pre-wrap rounded bg-zinc-100 p-2 font-mono text-xs dark:bg-zinc-900"
                >
                  {result.judgement.compile.output}
                </pre>
              )
            )}
          </div>
        )}
        {!result && !error && (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Run the samples to check your idea, then submit for all tests.
          </p>
        )}
        <p role="status" className="sr-only" data-testid="judge-announcement">
          {result ? announce(result) : busy ? "Judging." : ""}
        </p>
        <CustomInputBox slug={slug} language={language} solution={solution} disabled={busy !== null} />
      </div>
    </div>
  );
}
