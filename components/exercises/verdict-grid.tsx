import type { PublicJudgement } from "@/lib/judge/judge";
import { formatBytes, formatMs } from "../runs/describe";
import { OutputDiff } from "./output-diff";
import { VERDICT_LABEL, VERDICT_TONE } from "./verdicts";

/** One cell per test (verdict, time, memory); wrong visible answers get a diff below. */
export function VerdictGrid({ judgement }: { judgement: PublicJudgement }) {
  const wrong = judgement.tests.filter((t) => !t.hidden && t.verdict !== "AC" && t.actual !== undefined);
  return (
    <div className="flex flex-col gap-3" data-testid="verdict-result">
      <p className="flex items-center gap-3">
        <span
          data-testid="overall-verdict"
          data-verdict={judgement.verdict}
          className={`rounded px-2 py-0.5 font-semibold ${VERDICT_TONE[judgement.verdict]}`}
        >
          {VERDICT_LABEL[judgement.verdict] ?? judgement.verdict}
        </span>
        <span data-testid="score">
          {judgement.score} / {judgement.maxScore} points
        </span>
        <span className="text-sm text-zinc-600 dark:text-zinc-400">
          judged in {formatMs(judgement.timeMs)}
          {judgement.maxTimeMs !== null && judgement.maxTimeMs !== undefined
            ? ` · slowest test ≤ ${formatMs(judgement.maxTimeMs)} · peak memory ≤ ${formatBytes(judgement.maxMemoryBytes ?? null)}`
            : ""}
        </span>
      </p>
      {judgement.verdict === "CE" ? (
        // Nothing ran: one sentence, not a "CE" cell per test.
        <p data-testid="compile-failed" className="text-sm">
          The code did not compile, so no test ran. The compiler's message is below.
        </p>
      ) : (
        <ol className="grid grid-cols-[repeat(auto-fill,minmax(7.5rem,1fr))] gap-2" aria-label="Tests">
          {judgement.tests.map((t) => (
            <li
              key={t.index}
              data-testid="test-cell"
              data-verdict={t.verdict}
              className={`flex flex-col rounded px-2 py-1 text-xs ${VERDICT_TONE[t.verdict]}`}
              title={VERDICT_LABEL[t.verdict]}
            >
              <span className="font-semibold">
                #{t.index + 1} <abbr title={VERDICT_LABEL[t.verdict]}>{t.verdict}</abbr>
              </span>
              <span>
                {t.hidden ? "hidden test" : `${formatMs(t.timeMs ?? null)} · ${formatBytes(t.memoryBytes ?? null)}`}
              </span>
            </li>
          ))}
        </ol>
      )}
      {wrong.map((t) => (
        <div key={t.index} className="flex flex-col gap-1 text-sm">
          <p className="font-medium">
            Test #{t.index + 1}: {VERDICT_LABEL[t.verdict]}
          </p>
          {t.verdict === "WA" ? (
            <OutputDiff expected={t.expected ?? ""} actual={t.actual ?? ""} />
          ) : (
            t.stderr && (
              <pre className="max-h-48 overflow-auto whitespace-pre-wrap rounded bg-zinc-100 p-2 font-mono text-xs text-red-700 dark:bg-zinc-900 dark:text-red-400">
                {t.stderr}
              </pre>
            )
          )}
        </div>
      ))}
    </div>
  );
}
