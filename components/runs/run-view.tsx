import { DebugPanel } from "@/components/debug/debug-panel";
import { findLanguage } from "@/lib/sandbox/languages";
import type { RunViewModel } from "@/lib/views/run-view-model";
import { CodeTabs } from "./code-tabs";
import { OutputFiles } from "./output-files";
import { ResultBar } from "./result-bar";
import { StdinView } from "./stdin-view";
import { StoredOutput } from "./stored-output";

/**
 * Code, inputs, result and output of a finished run; everything rendered as text. Long texts
 * arrive as their first chunk (see runViewModel), so the page has a fixed size whatever was stored.
 * `compact` (the embed) puts code and result side by side in a small frame, each scrolling inside.
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
    <div
      className={`grid min-h-0 flex-1 grid-cols-1 ${compact ? "sm:grid-cols-2 sm:grid-rows-[minmax(0,1fr)]" : "lg:grid-cols-2"}`}
    >
      <section aria-label="Code" className="flex min-h-0 flex-col">
        <p className="px-3 py-1 text-sm text-zinc-600 dark:text-zinc-400" data-testid="run-language">
          {lang?.name ?? data.language} {data.version}
        </p>
        <CodeTabs
          key={data.id}
          files={data.files}
          monaco={lang?.monaco ?? "plaintext"}
          idPrefix={`view-${data.id}`}
          endpoint={data.endpoint}
          compact={compact}
        />
      </section>
      <section
        aria-label="Result"
        className={`flex min-h-0 flex-col border-zinc-200 dark:border-zinc-800 ${compact ? "gap-1 p-2 sm:border-l" : "gap-2 p-3 lg:border-l"}`}
      >
        {data.status === "running" ? <p>Running…</p> : <ResultBar outcome={outcome} />}
        {data.debug &&
          (compact ? (
            <details className="text-sm">
              <summary className="cursor-pointer">Debug report: {data.debug.title}</summary>
              <DebugPanel report={data.debug} language={data.language} />
            </details>
          ) : (
            <DebugPanel report={data.debug} language={data.language} />
          ))}
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
        <div
          className={`flex-1 rounded border border-zinc-200 dark:border-zinc-800 ${compact ? "min-h-24" : "min-h-40"}`}
        >
          <StoredOutput
            key={data.id}
            outputs={data.outputs}
            endpoint={data.endpoint}
            transcript={Boolean(data.terminal?.tty)}
          />
        </div>
        {(data.outputFiles.length > 0 || data.filesDropped > 0) && (
          <div className={compact ? "max-h-36 shrink-0 overflow-auto" : "shrink-0"}>
            <OutputFiles
              files={data.outputFiles}
              dropped={data.filesDropped}
              endpoint={data.filesEndpoint}
              size={compact ? "small" : "large"}
            />
          </div>
        )}
      </section>
    </div>
  );
}
