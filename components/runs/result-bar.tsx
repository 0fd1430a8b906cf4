import type { RunOutcome } from "@/lib/runs/live-runs";
import { ERROR_TONE, formatBytes, formatMs, limitSentence, STATUS_TONE, statusLabel, TIME_TITLES } from "./describe";

/** Status, exit code or signal, times and memory, and which limit stopped the run. */
export function ResultBar({ outcome }: { outcome: RunOutcome }) {
  const stage = outcome.run ?? outcome.compile;
  const syntax = outcome.status === "runtime_error" && outcome.debug?.category === "syntax";
  const sentence = syntax
    ? "The program could not be read, so none of it ran."
    : limitSentence(outcome.status, outcome.run, outcome.limits, Boolean(outcome.compile), outcome.terminal);
  const exit = stage?.signal
    ? `signal ${stage.signal}`
    : stage?.exitCode !== undefined && stage?.exitCode !== null
      ? `exit ${stage.exitCode}`
      : null;
  return (
    <div data-testid="result-bar" className="flex min-w-0 flex-col gap-1 text-sm">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <span
          data-testid="result-status"
          data-status={outcome.status}
          className={`rounded px-2 py-0.5 font-semibold ${STATUS_TONE[outcome.status] ?? ERROR_TONE}`}
        >
          {statusLabel(outcome.status, outcome.debug?.category)}
        </span>
        {exit && <span data-testid="result-exit">{exit}</span>}
        {stage && (
          <>
            <span title={TIME_TITLES.wall} data-testid="result-wall">
              wall {formatMs(stage.wallTimeMs)}
            </span>
            <span title="CPU time of the program">CPU {formatMs(stage.cpuTimeMs)}</span>
            <span title="Peak memory of the program">memory {formatBytes(stage.memoryBytes)}</span>
          </>
        )}
        {outcome.compile && (
          <span className="text-zinc-600 dark:text-zinc-400" title="Time spent compiling">
            compile {formatMs(outcome.compile.wallTimeMs)}
          </span>
        )}
        {outcome.wallTimeMs !== null && (
          <span className="text-zinc-600 dark:text-zinc-400" title={TIME_TITLES.total} data-testid="result-total">
            total {formatMs(outcome.wallTimeMs)}
          </span>
        )}
      </div>
      {sentence && (
        <p data-testid="result-sentence" className="text-zinc-700 dark:text-zinc-300">
          {sentence}
        </p>
      )}
    </div>
  );
}
