import Link from "next/link";
import { SiteHeader } from "@/components/ui/site-header";
import { BUTTON_PRIMARY, MUTED } from "@/components/ui/styles";
import { hasRole } from "@/lib/auth/roles";
import { exercisesBy, publishedByTeachers } from "@/lib/db/authored-exercises";
import { usernamesOf } from "@/lib/db/users";
import { requirePageUser } from "@/lib/identity/pages";

export const dynamic = "force-dynamic";
export const metadata = { title: "My exercises · Runbox" };

const VISIBILITY = { draft: "Draft", classes: "Your classes", public: "Public catalog" };

/** A teacher's own exercises (and, for admins, every teacher's published one, to review for the catalog). */
export default async function TeachExercisesPage() {
  const user = await requirePageUser("/teach/exercises", "teacher");
  const admin = hasRole(user, "admin");
  const [mine, others] = await Promise.all([
    exercisesBy(user.id),
    admin ? publishedByTeachers().then((all) => all.filter((e) => e.authorId !== user.id)) : Promise.resolve([]),
  ]);
  const authors = await usernamesOf(others.map((e) => e.authorId));
  const row = (e: (typeof mine)[number], by?: string) => (
    <li
      key={e.slug}
      className="flex flex-wrap items-center gap-3 px-3 py-2"
      data-testid="my-exercise-row"
      data-slug={e.slug}
    >
      <Link href={`/teach/exercises/${e.slug}`} className="font-medium underline">
        {e.title}
      </Link>
      <span className={`text-sm ${MUTED}`}>
        {e.difficulty} · {VISIBILITY[e.visibility]} · {e.verified ? "reference passes" : "reference not passing yet"}
        {by ? ` · by ${by}` : ""}
      </span>
      <Link href={`/exercises/${e.slug}`} className="ml-auto text-sm underline">
        Open as a student
      </Link>
    </li>
  );
  const list = "divide-y divide-zinc-300 rounded border border-zinc-300 dark:divide-zinc-700 dark:border-zinc-700";
  return (
    <>
      <SiteHeader />
      <main className="mx-auto flex w-full max-w-4xl flex-col gap-4 p-4">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold">My exercises</h1>
          <Link href="/teach/exercises/new" className={`${BUTTON_PRIMARY} ml-auto`} data-testid="new-exercise">
            New exercise
          </Link>
        </div>
        {mine.length === 0 ? (
          <p className={MUTED}>You have not written an exercise yet. Catalog exercises can be assigned as they are.</p>
        ) : (
          <ul className={list}>{mine.map((e) => row(e))}</ul>
        )}
        {admin && others.length > 0 && (
          <section aria-labelledby="review-h" className="flex flex-col gap-2">
            <h2 id="review-h" className="text-lg font-semibold">
              Published by other teachers
            </h2>
            <ul className={list}>{others.map((e) => row(e, authors.get(e.authorId)))}</ul>
          </section>
        )}
      </main>
    </>
  );
}
