import Link from "next/link";
import { notFound } from "next/navigation";
import { formatUtc } from "@/components/classes/assigned-list";
import { VerdictCell } from "@/components/classes/verdict-cell";
import { SiteHeader } from "@/components/ui/site-header";
import { MUTED } from "@/components/ui/styles";
import { classOfTeacher } from "@/lib/classes/access";
import { classGrid } from "@/lib/classes/dashboard";
import { requirePageUser } from "@/lib/identity/pages";

export const dynamic = "force-dynamic";
export const metadata = { title: "Progress · Runbox" };

/** Students × assigned exercises: best verdict, attempts, first accept, late; for the class's teacher. */
export default async function DashboardPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/classes/${id}/dashboard`, "teacher");
  const c = await classOfTeacher(id, user);
  if (!c) notFound();
  const grid = await classGrid(c.id);
  const solvedBy = grid.assignments.map((_, j) => grid.cells.filter((row) => row[j]?.best === "AC").length);
  return (
    <>
      <SiteHeader />
      <main className="flex w-full flex-col gap-4 p-4">
        <div className="flex flex-wrap items-baseline gap-3">
          <h1 className="text-2xl font-bold">Progress · {c.name}</h1>
          <Link href={`/classes/${c.id}`} className="underline">
            Back to the class
          </Link>
          <a href={`/classes/${c.id}/dashboard.csv`} className="underline" data-testid="export-csv" download>
            Export CSV
          </a>
        </div>
        <p className={`text-sm ${MUTED}`}>
          Each cell: best verdict, attempts, time of the first accept (UTC), and "late" when the due date passed before
          it. Open a cell for the code.
        </p>
        {grid.students.length === 0 || grid.assignments.length === 0 ? (
          <p className={MUTED}>The grid fills in once students have joined and exercises are assigned.</p>
        ) : (
          <div className="overflow-auto">
            <table className="border-collapse text-sm" data-testid="grid">
              <caption className="sr-only">Best verdict of each student on each assigned exercise</caption>
              <thead>
                <tr>
                  <th scope="col" className="border border-zinc-300 p-2 text-left dark:border-zinc-700">
                    Student
                  </th>
                  {grid.assignments.map((a, j) => (
                    <th key={a.id} scope="col" className="border border-zinc-300 p-2 dark:border-zinc-700">
                      <span className="block">{a.title}</span>
                      <span className={`block text-xs font-normal ${MUTED}`}>
                        {a.dueAt ? `due ${formatUtc(a.dueAt)}` : "no due date"} · {solvedBy[j]}/{grid.students.length}{" "}
                        solved
                      </span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {grid.students.map((s, i) => (
                  <tr key={s.id} data-testid="grid-row" data-username={s.username}>
                    <th scope="row" className="border border-zinc-300 p-2 text-left dark:border-zinc-700">
                      {s.username}
                    </th>
                    {grid.assignments.map((a, j) => {
                      const cell = grid.cells[i]?.[j];
                      return cell ? (
                        <VerdictCell
                          key={a.id}
                          cell={cell}
                          label={`${s.username}, ${a.title}`}
                          href={`/classes/${c.id}/students/${s.id}/${a.exerciseSlug}`}
                        />
                      ) : null;
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </main>
    </>
  );
}
