import Link from "next/link";
import { notFound } from "next/navigation";
import { ExerciseLayout } from "@/components/exercises/exercise-layout";
import { Markdown } from "@/components/exercises/markdown";
import { VERDICT_LABEL, VERDICT_TONE } from "@/components/exercises/verdicts";
import { Workbench } from "@/components/exercises/workbench";
import { SiteHeader } from "@/components/ui/site-header";
import { canEditExercise, visibleExercise } from "@/lib/classes/access";
import { listSubmissions } from "@/lib/db/submissions";
import { languagesForUi } from "@/lib/http/languages-for-ui";
import { currentIdentity } from "@/lib/identity/current";

export const dynamic = "force-dynamic";

/** Statement beside the editor; samples, your own input, submit, verdict grid, past submissions. */
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
  const statement = (
    <>
      <Markdown text={ex.statement.replace(/^#\s+[^\n]*\n+/, "")} />
      <section aria-labelledby="submissions-heading" className="flex flex-col gap-1">
        <h2 id="submissions-heading" className="font-semibold">
          Your submissions
        </h2>
        {submissions.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">None yet.</p>
        ) : (
          <ul className="flex flex-col gap-1 text-sm" data-testid="submissions">
            {submissions.map((s) => (
              <li key={s.id} className="flex items-center gap-2" data-testid="submission-row" data-verdict={s.verdict}>
                <span className={`rounded px-1.5 text-xs font-semibold ${VERDICT_TONE[s.verdict]}`}>
                  <abbr title={VERDICT_LABEL[s.verdict]} className="no-underline">
                    {s.verdict}
                  </abbr>
                </span>
                <span>
                  {s.score}/{s.maxScore}
                </span>
                <span className="text-zinc-600 dark:text-zinc-400">{s.language}</span>
                <time className="text-xs text-zinc-600 dark:text-zinc-400" dateTime={s.createdAt.toISOString()}>
                  {s.createdAt.toISOString().replace("T", " ").slice(0, 16)}
                </time>
                <Link href={`/submissions/${s.id}`} className="ml-auto text-xs underline" data-testid="submission-link">
                  View code
                  <span className="sr-only"> of the submission from {s.createdAt.toISOString().slice(0, 16)}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
  return (
    <div className="flex min-h-dvh flex-col lg:h-dvh lg:min-h-0">
      <SiteHeader />
      <main className="flex min-h-0 flex-1 flex-col">
        {/* Above both panes: on a phone the title stays visible whichever tab is open. */}
        <div className="flex flex-wrap items-baseline gap-x-3 border-b border-zinc-200 px-4 py-2 dark:border-zinc-800">
          <h1 className="text-xl font-bold" data-testid="exercise-title">
            {ex.title}
          </h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {ex.difficulty} · time limit {ex.limits.timeoutMs} ms · memory {ex.limits.memoryMb} MiB · {ex.tests.length}{" "}
            tests
          </p>
          {canEditExercise(found.meta, identity.user) && (
            <p className="text-sm">
              <Link href={`/teach/exercises/${ex.slug}`} className="underline" data-testid="edit-exercise">
                Edit this exercise
              </Link>{" "}
              ({found.meta.visibility})
            </p>
          )}
        </div>
        <ExerciseLayout
          statement={statement}
          solution={<Workbench slug={ex.slug} languages={allowed} starter={ex.starter} />}
        />
      </main>
    </div>
  );
}
