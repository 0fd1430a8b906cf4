import Link from "next/link";
import { notFound } from "next/navigation";
import { SubmissionView } from "@/components/classes/submission-view";
import { VERDICT_TONE } from "@/components/exercises/verdicts";
import { SiteHeader } from "@/components/ui/site-header";
import { MUTED } from "@/components/ui/styles";
import { classOfTeacher } from "@/lib/classes/access";
import { assignmentsOf } from "@/lib/db/assignments";
import { isMember } from "@/lib/db/classes";
import { getExercise } from "@/lib/db/exercises";
import { listSubmissions } from "@/lib/db/submissions";
import { usernamesOf } from "@/lib/db/users";
import { requirePageUser } from "@/lib/identity/pages";

export const dynamic = "force-dynamic";
export const metadata = { title: "Student submissions · Runbox" };

type Params = { id: string; userId: string; slug: string };

/**
 * A dashboard cell: one student's submissions to one assigned exercise, newest first, the chosen
 * one (?s=) shown whole. Only for the class's teacher, for a member, for an assigned exercise.
 */
export default async function CellPage({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { id, userId, slug } = await params;
  const user = await requirePageUser(`/classes/${id}/students/${userId}/${slug}`, "teacher");
  const c = await classOfTeacher(id, user);
  if (!c || !(await isMember(c.id, userId))) notFound();
  const assignment = (await assignmentsOf(c.id)).find((a) => a.exerciseSlug === slug);
  if (!assignment) notFound();
  const [subs, names, ex] = await Promise.all([
    listSubmissions(slug, userId, 50),
    usernamesOf([userId]),
    getExercise(slug),
  ]);
  const wanted = (await searchParams).s;
  const chosen = subs.find((s) => s.id === wanted) ?? subs[0];
  const base = `/classes/${c.id}/students/${userId}/${slug}`;
  return (
    <>
      <SiteHeader />
      <main className="mx-auto flex w-full max-w-6xl flex-col gap-3 p-4">
        <h1 className="text-2xl font-bold">
          {names.get(userId)} · {assignment.title}
        </h1>
        <Link href={`/classes/${c.id}/dashboard`} className="underline">
          Back to the dashboard
        </Link>
        {subs.length === 0 ? (
          <p className={MUTED}>No submissions yet.</p>
        ) : (
          <div className="grid gap-4 lg:grid-cols-[14rem_minmax(0,1fr)]">
            <nav aria-label="Submissions">
              <ol className="flex flex-col gap-1 text-sm" data-testid="cell-submissions">
                {subs.map((s) => (
                  <li key={s.id}>
                    <Link
                      href={`${base}?s=${s.id}`}
                      aria-current={s.id === chosen?.id ? "true" : undefined}
                      className={`flex items-center gap-2 rounded px-1 ${s.id === chosen?.id ? "bg-zinc-200 dark:bg-zinc-800" : ""}`}
                    >
                      <span className={`rounded px-1.5 text-xs font-semibold ${VERDICT_TONE[s.verdict]}`}>
                        {s.verdict}
                      </span>
                      <span>
                        {s.score}/{s.maxScore}
                      </span>
                      <time className={`text-xs ${MUTED}`} dateTime={s.createdAt.toISOString()}>
                        {s.createdAt.toISOString().slice(5, 16).replace("T", " ")}
                      </time>
                    </Link>
                  </li>
                ))}
              </ol>
            </nav>
            {chosen && (
              <SubmissionView sub={chosen} viewer="teacher" limits={ex?.limits ?? { timeoutMs: 1000, memoryMb: 256 }} />
            )}
          </div>
        )}
      </main>
    </>
  );
}
