import { DebugPanel } from "@/components/debug/debug-panel";
import type { DebugReport } from "@/lib/debug/types";
import { findLanguage } from "@/lib/sandbox/languages";
import type { StageResult } from "@/lib/sandbox/types";
import { CodeTabs } from "./code-tabs";
import { OutputView, piecesOf } from "./output-view";
import { ResultBar } from "./result-bar";

export interface RunViewData {
  id: string;
  language: string;
  version: string;
  files: { name?: string; content: string }[];
  stdin: string;
  args: string[];
  status: string;
  limits: Record<string, number>;
  compile: StageResult | null;
  run: StageResult | null;
  wallTimeMs?: number | null;
  debug?: DebugReport | null;
}

/** Code, inputs, result and output of a finished run; everything rendered as text. */
export function RunView({ data, compact = false }: { data: RunViewData; compact?: boolean }) {
  const lang = findLanguage(data.language);
  const files = data.files.map((f, i) => ({ name: f.name ?? lang?.defaultFile ?? `file${i}`, content: f.content }));
  const outcome = {
    status: data.status as "ok",
    compile: data.compile,
    run: data.run,
    limits: data.limits,
    wallTimeMs: data.wallTimeMs ?? null,
    debug: data.debug ?? null,
  };
  return (
    <div className={`grid min-h-0 flex-1 grid-cols-1 ${compact ? "" : "lg:grid-cols-2"}`}>
      <section aria-label="Code" className="flex min-h-0 flex-col">
        <p className="px-3 py-1 text-sm text-zinc-500" data-testid="run-language">
          {lang?.name ?? data.language} {data.version}
        </p>
        <CodeTabs files={files} monaco={lang?.monaco ?? "plaintext"} idPrefix={`view-${data.id}`} />
      </section>
      <section
        aria-label="Result"
        className="flex min-h-0 flex-col gap-2 border-zinc-200 p-3 lg:border-l dark:border-zinc-800"
      >
        {data.status === "running" ? <p>Running…</p> : <ResultBar outcome={outcome} />}
        {data.debug && <DebugPanel report={data.debug} language={data.language} />}
        {!compact && (data.stdin || data.args.length > 0) && (
          <details className="text-sm" open={Boolean(data.stdin)}>
            <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">Inputs</summary>
            {data.args.length > 0 && (
              <p className="mt-1">
                Arguments: <code data-testid="run-args">{data.args.map((a) => JSON.stringify(a)).join(" ")}</code>
              </p>
            )}
            {data.stdin && (
              <pre
                data-testid="run-stdin"
                className="mt-1 max-h-40 overflow-auto whitespace-pre-wrap rounded bg-zinc-100 p-2 font-mono dark:bg-zinc-900"
              >
                {data.stdin}
              </pre>
            )}
          </details>
        )}
        <div className="min-h-40 flex-1 rounded border border-zinc-200 dark:border-zinc-800">
          <OutputView pieces={piecesOf(data.compile, data.run)} placeholder="No output." />
        </div>
      </section>
    </div>
  );
}
