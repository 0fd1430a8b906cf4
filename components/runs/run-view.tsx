import { DebugPanel } from "@/components/debug/debug-panel";
import { findLanguage } from "@/lib/sandbox/languages";
import type { RunViewModel } from "@/lib/views/run-view-model";
import { CodeTabs } from "./code-tabs";
import { ResultBar } from "./result-bar";
import { StdinView } from "./stdin-view";
import { StoredOutput } from "./stored-output";

/**
 * Code, inputs, result and output of a finished run; everything rendered as text. Long texts
 * arrive as their first chunk (see runViewModel), so the page has a fixed size whatever was stored.
 */
export function RunView({ data, compact = false }: { data: RunViewModel; compact?: boolean }) {
  // Stateful children are keyed by run: another run's page never inherits loaded chunks.
  const lang = findLanguage(data.language);
  const outcome = {
    status: data.status as "ok",
    compile: data.compile,
    run: data.run,
    limits: data.limits,
    wallTimeMs: data.wallTimeMs,
    debug: data.debug,
    terminal: data.terminal,
  };
  return (
    <div className={`grid min-h-0 flex-1 grid-cols-1 ${compact ? "" : "lg:grid-cols-2"}`}>
      <section aria-label="Code" className="flex min-h-0 flex-col">
        <p className="px-3 py-1 text-sm text-zinc-500" data-testid="run-language">
          {lang?.name ?? data.language} {data.version}
        </p>
        <CodeTabs
          key={data.id}
          files={data.files}
          monaco={lang?.monaco ?? "plaintext"}
          idPrefix={`view-${data.id}`}
          endpoint={data.endpoint}
        />
      </section>
      <section
        aria-label="Result"
        className="flex min-h-0 flex-col gap-2 border-zinc-200 p-3 lg:border-l dark:border-zinc-800"
      >
        {data.status === "running" ? <p>Running…</p> : <ResultBar outcome={outcome} />}
        {data.debug && <DebugPanel report={data.debug} language={data.language} />}
        {!compact && (data.stdin || data.args) && (
          <details className="text-sm" open={Boolean(data.stdin)}>
            <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">Inputs</summary>
            {data.args && (
              <p className="mt-1">
                Arguments: <code data-testid="run-args">{data.args}</code>
              </p>
            )}
            {data.stdin && <StdinView key={data.id} stdin={data.stdin} endpoint={data.endpoint} />}
          </details>
        )}
        <div className="min-h-40 flex-1 rounded border border-zinc-200 dark:border-zinc-800">
          <StoredOutput
            key={data.id}
            outputs={data.outputs}
            endpoint={data.endpoint}
            transcript={Boolean(data.terminal?.tty)}
          />
        </div>
      </section>
    </div>
  );
}
