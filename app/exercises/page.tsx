import Link from "next/link";
import { AssignedList } from "@/components/classes/assigned-list";
import { SiteHeader } from "@/components/ui/site-header";
import { assignedItems } from "@/lib/classes/assigned";
import { listExercises } from "@/lib/db/exercises";
import { progressOf } from "@/lib/db/submissions";
import { currentIdentity } from "@/lib/identity/current";

export const dynamic = "force-dynamic";
export const metadata = { title: "Exercises · Runbox" };

const DIFFICULTY_TONE: Record<string, string> = {
  easy: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-100",
  medium: "bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100",
  hard: "bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-100",
};

/** The catalog with difficulty and tag filters and this browser's progress. */
export default async function ExercisesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const params = await searchParams;
  const identity = await currentIdentity();
  const owner = identity.ownerId;
  const [all, progress, assigned] = await Promise.all([
    listExercises(),
    owner ? progressOf(owner) : Promise.resolve(new Map()),
    identity.user ? assignedItems(identity.user.id) : Promise.resolve([]),
  ]);
  const tags = [...new Set(all.flatMap((e) => e.tags))].sort();
  const shown = all.filter(
    (e) => (!params.difficulty || e.difficulty === params.difficulty) && (!params.tag || e.tags.includes(params.tag)),
  );
  const solved = all.filter((e) => progress.get(e.slug) === "solved").length;
  const chip = (active: boolean) =>
    `rounded-full border px-2 py-0.5 text-xs ${active ? "border-emerald-700 bg-emerald-700 text-white" : "border-zinc-300 dark:border-zinc-700"}`;
  const href = (next: Record<string, string | undefined>) => {
    const sp = new URLSearchParams();
    for (const [k, v] of Object.entries({ difficulty: params.difficulty, tag: params.tag, ...next }))
      if (v) sp.set(k, v);
    return `/exercises${sp.size ? `?${sp}` : ""}`;
  };
  return (
    <>
      <SiteHeader />
      <main className="mx-auto flex w-full max-w-5xl flex-col gap-4 p-4">
        <div className="flex flex-wrap items-baseline gap-3">
          <h1 className="text-2xl font-bold">Exercises</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="progress-summary">
            {solved} of {all.length} solved
          </p>
        </div>
        {assigned.length > 0 && (
          <section aria-labelledby="assigned-h" className="flex flex-col gap-2" data-testid="assigned-to-you">
            <h2 id="assigned-h" className="text-lg font-semibold">
              Assigned to you
            </h2>
            <AssignedList items={assigned} />
          </section>
        )}
        <nav aria-label="Filter by difficulty" className="flex flex-wrap gap-2">
          <Link href={href({ difficulty: undefined })} className={chip(!params.difficulty)}>
            All levels
          </Link>
          {["easy", "medium", "hard"].map((d) => (
            <Link
              key={d}
              href={href({ difficulty: d })}
              className={chip(params.difficulty === d)}
              data-testid={`difficulty-${d}`}
            >
              {d}
            </Link>
          ))}
        </nav>
        <nav aria-label="Filter by tag" className="flex flex-wrap gap-2">
          <Link href={href({ tag: undefined })} className={chip(!params.tag)}>
            All topics
          </Link>
          {tags.map((t) => (
            <Link key={t} href={href({ tag: t })} className={chip(params.tag === t)}>
              {t}
            </Link>
          ))}
        </nav>
        <ul className="divide-y divide-zinc-200 rounded border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {shown.map((e) => {
            const state = progress.get(e.slug);
            return (
              <li key={e.slug} data-testid="exercise-row" data-slug={e.slug} data-progress={state ?? "new"}>
                <Link
                  href={`/exercises/${e.slug}`}
                  className="flex flex-wrap items-center gap-3 px-3 py-2 hover:bg-zinc-50 dark:hover:bg-zinc-900"
                >
                  <span className="w-5 text-center" title={state ?? "not attempted"}>
                    {/* Text marks, not emoji: a machine without an emoji font shows those as empty boxes. */}
                    <span
                      aria-hidden
                      className={state === "solved" ? "font-bold text-emerald-700 dark:text-emerald-400" : ""}
                    >
                      {state === "solved" ? "✓" : state === "attempted" ? "◐" : "○"}
                    </span>
                    <span className="sr-only">{state ?? "not attempted"}</span>
                  </span>
                  <span className="font-medium">{e.title}</span>
                  <span className={`rounded px-2 py-0.5 text-xs ${DIFFICULTY_TONE[e.difficulty] ?? ""}`}>
                    {e.difficulty}
                  </span>
                  <span className="ml-auto flex flex-wrap gap-1 text-xs text-zinc-600 dark:text-zinc-400">
                    {e.tags.map((t) => (
                      <span key={t}>#{t}</span>
                    ))}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
        {shown.length === 0 && <p>No exercise matches these filters.</p>}
      </main>
    </>
  );
}
