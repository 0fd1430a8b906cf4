import Link from "next/link";
import { notFound } from "next/navigation";
import { VERDICT_LABEL, VERDICT_TONE } from "@/components/exercises/verdicts";
import { SiteHeader } from "@/components/ui/site-header";
import { getExercise } from "@/lib/db/exercises";
import { getSubmission } from "@/lib/db/submissions";
import { currentOwner } from "@/lib/owner";

export const dynamic = "force-dynamic";
export const metadata = { title: "Your submission · Runbox", robots: { index: false } };

/** Shown per file; a submission may hold up to the engine's 1 MiB of source, the page does not. */
const SHOWN_CHARS = 128 * 1024;

/** One of your own submissions, read-only. Anyone else's (or an unknown id) is a 404. */
export default async function SubmissionPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const owner = await currentOwner();
  const sub = id.length <= 64 && owner ? await getSubmission(id) : null;
  if (!sub || sub.ownerId !== owner || sub.exerciseSlug !== slug) notFound();
  const ex = await getExercise(slug);
  return (
    <>
      <SiteHeader />
      <main className="mx-auto flex w-full max-w-5xl flex-col gap-4 p-4">
        <p className="text-sm">
          <Link href={`/exercises/${slug}`} className="underline">
            ← {ex?.title ?? slug}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">Your submission</h1>
        <p className="flex flex-wrap items-center gap-3 text-sm" data-testid="submission-summary">
          <span className={`rounded px-2 py-0.5 font-semibold ${VERDICT_TONE[sub.verdict] ?? ""}`}>
            {VERDICT_LABEL[sub.verdict] ?? sub.verdict}
          </span>
          <span>
            {sub.score}/{sub.maxScore} points
          </span>
          <span>{sub.language}</span>
          <time className="text-zinc-600 dark:text-zinc-400" dateTime={sub.createdAt.toISOString()}>
            {sub.createdAt.toISOString().replace("T", " ").slice(0, 16)} UTC
          </time>
        </p>
        {sub.files.map((f, i) => {
          const name = f.name ?? `file${i}`;
          const cut = f.content.length > SHOWN_CHARS;
          return (
            <section key={name} aria-label={name} className="flex flex-col gap-1">
              <h2 className="font-mono text-sm font-semibold">{name}</h2>
              <pre
                data-testid="submission-code"
                // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region needs focus for arrow keys
                tabIndex={0}
                className="max-h-[70vh] overflow-auto rounded border border-zinc-200 bg-zinc-50 p-3 font-mono text-sm dark:border-zinc-800 dark:bg-zinc-900"
              >
                {cut ? f.content.slice(0, SHOWN_CHARS) : f.content}
              </pre>
              {cut && (
                <p className="text-xs text-zinc-600 dark:text-zinc-400">
                  Only the first {SHOWN_CHARS / 1024} KiB of {Math.ceil(f.content.length / 1024)} KiB are shown.
                </p>
              )}
            </section>
          );
        })}
      </main>
    </>
  );
}
