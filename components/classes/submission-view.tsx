import { DebugPanel } from "@/components/debug/debug-panel";
import { VerdictGrid } from "@/components/exercises/verdict-grid";
import { MUTED } from "@/components/ui/styles";
import type { SubmissionRecord } from "@/lib/db/submissions";
import { type Judgement, publicTest } from "@/lib/judge/judge";
import { explainJudgement } from "@/lib/judge/submit";
import { findLanguage } from "@/lib/sandbox/languages";
import { CodeViewer } from "./code-viewer";

/**
 * One submission: code (read-only editor), verdict grid and debug report. The owner sees hidden
 * tests as verdicts only; their teacher sees everything.
 */
export async function SubmissionView({
  sub,
  viewer,
  limits,
}: {
  sub: SubmissionRecord;
  viewer: "owner" | "teacher";
  limits: { timeoutMs: number; memoryMb: number };
}) {
  const judgement: Judgement = {
    verdict: sub.verdict as Judgement["verdict"],
    score: sub.score,
    maxScore: sub.maxScore,
    ...(sub.compile ? { compile: sub.compile } : {}),
    tests: sub.tests,
    timeMs: sub.timeMs ?? 0,
    maxTimeMs: null,
    maxMemoryBytes: null,
  };
  const files = sub.files.map((f, i) => ({ name: f.name ?? `file${i}`, content: f.content }));
  const debug = await explainJudgement(judgement, sub.language, files, limits);
  const shown = { ...judgement, tests: viewer === "teacher" ? judgement.tests : judgement.tests.map(publicTest) };
  const language = findLanguage(sub.language);
  return (
    <article className="flex flex-col gap-3" data-testid="submission-view" data-submission={sub.id}>
      <p className={`text-sm ${MUTED}`}>
        {language?.name ?? sub.language} · submitted {sub.createdAt.toISOString().slice(0, 19).replace("T", " ")} UTC
      </p>
      <CodeViewer id={sub.id} files={files} monaco={language?.monaco ?? "plaintext"} />
      <VerdictGrid judgement={shown} />
      {debug && <DebugPanel report={debug} language={sub.language} />}
      {sub.compile && sub.verdict === "CE" && (
        <pre className="max-h-60 overflow-auto whitespace-pre-wrap rounded bg-zinc-100 p-2 font-mono text-xs dark:bg-zinc-900">
          {sub.compile.output}
        </pre>
      )}
    </article>
  );
}
