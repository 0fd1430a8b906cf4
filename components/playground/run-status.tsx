"use client";

import type { Ref } from "react";
import { queueSentence, statusLabel } from "@/components/runs/describe";
import { ResultBar } from "@/components/runs/result-bar";
import type { RunState } from "./state";

/** One sentence for screen readers: what a sighted person sees change in the result bar. */
export function announcement(run: RunState): string {
  if (run.error) return ""; // the error is its own alert
  if (run.phase === "starting") return "Starting the run.";
  if (run.phase === "running") return run.queued ? `${queueSentence(run.queued)}.` : "Running.";
  const o = run.outcome;
  if (run.phase !== "done" || !o) return "";
  const stage = o.run ?? o.compile;
  const exit = stage?.signal ? `, signal ${stage.signal}` : stage?.exitCode ? `, exit code ${stage.exitCode}` : "";
  const report = o.debug ? ` Debug report: ${o.debug.title}` : "";
  return `Finished: ${statusLabel(o.status, o.debug?.category)}${exit}.${report}`;
}

/**
 * The bar above the output: starting, waiting in the queue (with the place in line), running,
 * the result, or why the run could not start. A polite live region says the same in words,
 * once per change, so a long output is never read out line by line.
 */
export function RunStatus({ run, ref }: { run: RunState; ref?: Ref<HTMLDivElement> }) {
  const { phase, outcome, error, queued } = run;
  return (
    <div ref={ref} className="flex min-h-10 items-center gap-2 px-3 py-2">
      {phase === "starting" && <span data-testid="run-phase">Starting…</span>}
      {phase === "running" &&
        (queued ? (
          <span data-testid="run-phase" data-queued={queued} className="text-amber-800 dark:text-amber-300">
            {queueSentence(queued)}
          </span>
        ) : (
          <span data-testid="run-phase" className="animate-pulse">
            Running…
          </span>
        ))}
      {phase === "running" && run.terminal && !queued && (
        <span data-testid="terminal-hint" className="text-xs text-zinc-600 dark:text-zinc-400">
          Type in the terminal · Enter sends a line · Ctrl-D ends input · Ctrl-C interrupts · Esc then Tab leaves it
        </span>
      )}
      {error && (
        <p role="alert" data-testid="run-error" className="text-sm text-red-700 dark:text-red-400">
          {error.message}
        </p>
      )}
      {outcome && <ResultBar outcome={outcome} />}
      {phase === "idle" && (
        <span className="text-sm text-zinc-600 dark:text-zinc-400">
          Output appears here; type in it when your program asks.
        </span>
      )}
      <p role="status" className="sr-only" data-testid="run-announcement">
        {announcement(run)}
      </p>
    </div>
  );
}
