"use client";

import { useEffect, useState } from "react";
import { tryExerciseInput } from "@/app/actions";
import { DebugPanel } from "@/components/debug/debug-panel";
import { statusLabel } from "@/components/runs/describe";
import { type OutputPiece, OutputView } from "@/components/runs/output-view";
import { ResultBar } from "@/components/runs/result-bar";
import type { CustomRun } from "@/lib/judge/custom-input";

const inputKey = (slug: string) => `runbox:exercise-input:v1:${slug}`;

function pieces(r: CustomRun): OutputPiece[] {
  const out: OutputPiece[] = [];
  if (r.compile && r.status === "compile_error")
    out.push({ stage: "compile", stream: "stderr", text: r.compile.output });
  if (r.run?.stdout) out.push({ stage: "run", stream: "stdout", text: r.run.stdout });
  if (r.run?.stderr) out.push({ stage: "run", stream: "stderr", text: r.run.stderr });
  return out;
}

/**
 * "Try your own input": run the solution once on input the learner types, with the exercise's
 * limits. Not a submission (nothing judged or stored). The input is kept per exercise.
 */
export function CustomInputBox(props: {
  slug: string;
  language: string;
  solution: () => { language: string; files: { name: string; content: string }[] };
  disabled: boolean;
}) {
  const { slug, language, solution, disabled } = props;
  const [stdin, setStdin] = useState("");
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<CustomRun | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [runs, setRuns] = useState(0);

  useEffect(() => setStdin(localStorage.getItem(inputKey(slug)) ?? ""), [slug]);

  async function run() {
    setBusy(true);
    setError(null);
    setResult(null);
    const res = await tryExerciseInput(slug, solution(), stdin).catch(() => null);
    setBusy(false);
    setRuns((n) => n + 1);
    if (!res) setError("Could not reach the server.");
    else if (!res.ok) setError(res.error.message);
    else setResult(res.result);
  }

  return (
    <details className="rounded border border-zinc-200 dark:border-zinc-800" data-testid="custom-input">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium">Try your own input</summary>
      <div className="flex flex-col gap-2 px-3 pb-3">
        <label className="flex flex-col gap-1 text-sm">
          Input
          <textarea
            data-testid="custom-stdin"
            value={stdin}
            spellCheck={false}
            rows={4}
            onChange={(e) => {
              setStdin(e.target.value);
              try {
                localStorage.setItem(inputKey(slug), e.target.value);
              } catch {
                // Storage full: the box still works for this visit.
              }
            }}
            className="rounded border border-zinc-300 bg-transparent p-2 font-mono text-sm dark:border-zinc-700"
          />
        </label>
        <div className="flex items-center gap-2">
          <button
            type="button"
            data-testid="run-custom"
            disabled={busy || disabled}
            onClick={run}
            className="rounded border border-zinc-300 px-3 py-1 text-sm disabled:opacity-50 dark:border-zinc-700"
          >
            {busy ? "Running…" : "Run with this input"}
          </button>
          <span className="text-xs text-zinc-600 dark:text-zinc-400">Not a submission: nothing is judged or kept.</span>
        </div>
        {error && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400" data-testid="custom-error">
            {error}
          </p>
        )}
        {result && (
          <div className="flex flex-col gap-2" data-testid="custom-result">
            <ResultBar outcome={result} />
            <div className="h-40 rounded border border-zinc-200 dark:border-zinc-800">
              <OutputView pieces={pieces(result)} placeholder="No output." runKey={runs} />
            </div>
            {result.debug && <DebugPanel report={result.debug} language={language} />}
          </div>
        )}
        <p role="status" className="sr-only">
          {result ? `Finished: ${statusLabel(result.status, result.debug?.category)}.` : busy ? "Running." : ""}
        </p>
      </div>
    </details>
  );
}
