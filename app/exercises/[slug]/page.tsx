import Link from "next/link";
import { notFound } from "next/navigation";
import { Markdown } from "@/components/exercises/markdown";
import { VERDICT_LABEL, VERDICT_TONE } from "@/components/exercises/verdicts";
import { Workbench } from "@/components/exercises/workbench";
import { SiteHeader } from "@/components/ui/site-header";
import { canEditExercise, visibleExercise } from "@/lib/classes/access";
import { listSubmissions } from "@/lib/db/submissions";
import { languagesForUi } from "@/lib/http/languages-for-ui";
import { currentIdentity } from "@/lib/identity/current";

export const dynamic = "force-dynamic";

/** Statement beside the editor; samples, submit, verdict grid, past submissions. */
export default async function ExercisePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const identity = await currentIdentity();
  // Public, your own, or assigned to one of your classes; anything else is a 404.
  const found = await visibleExercise(slug, identity.user);
  if (!found) notFound();
  const ex = found.def;
  const owner = identity.ownerId;
  const submissions = owner ? await listSubmissions(slug, owner) : [];
  const { languages } = languagesForUi();
  const allowed = languages.filter((l) => !ex.languages || ex.languages.includes(l.id));
  return (
    <>
      <SiteHeader />
      <main className="grid min-h-0 flex-1 grid-cols-1 lg:h-[calc(100dvh-45px)] lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <section
          aria-label="Statement"
          className="flex flex-col gap-4 overflow-auto border-zinc-200 p-4 lg:border-r dark:border-zinc-800"
        >
          <div>
            <h1 className="text-2xl font-bold" data-testid="exercise-title">
              {ex.title}
            </h1>
            {canEditExercise(found.meta, identity.user) && (
              <p className="text-sm">
                <Link href={`/teach/exercises/${ex.slug}`} className="underline" data-testid="edit-exercise">
                  Edit this exercise
                </Link>{" "}
                ({found.meta.visibility})
              </p>
            )}
            <p className="text-sm text-zinc-500">
              {ex.difficulty} · time limit {ex.limits.timeoutMs} ms · memory {ex.limits.memoryMb} MiB ·{" "}
              {ex.tests.length} tests
            </p>
          </div>
          <Markdown text={ex.statement.replace(/^#\s+[^\n]*\n+/, "")} />
          <section aria-label="Your submissions" className="flex flex-col gap-1">
            <h2 className="font-semibold">Your submissions</h2>
            {submissions.length === 0 ? (
              <p className="text-sm text-zinc-500">None yet.</p>
            ) : (
              <ul className="flex flex-col gap-1 text-sm" data-testid="submissions">
                {submissions.map((s) => (
                  <li
                    key={s.id}
                    className="flex items-center gap-2"
                    data-testid="submission-row"
                    data-verdict={s.verdict}
                  >
                    <span
                      className={`rounded px-1.5 text-xs font-semibold ${VERDICT_TONE[s.verdict]}`}
                      title={VERDICT_LABEL[s.verdict]}
                    >
                      {s.verdict}
                    </span>
                    <span>
                      {s.score}/{s.maxScore}
                    </span>
                    <Link href={`/submissions/${s.id}`} className="underline" data-testid="submission-link">
                      {s.language}
                    </Link>
                    <time className="text-xs text-zinc-500" dateTime={s.createdAt.toISOString()}>
                      {s.createdAt.toISOString().replace("T", " ").slice(0, 16)}
                    </time>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </section>
        <section aria-label="Solution" className="flex min-h-0 flex-col">
          <Workbench slug={ex.slug} languages={allowed} starter={ex.starter} />
        </section>
      </main>
    </>
  );
}
