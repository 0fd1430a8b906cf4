import Link from "next/link";
import { createClassAction, joinClassAction } from "@/app/classes/actions";
import { AssignedList } from "@/components/classes/assigned-list";
import { ActionForm } from "@/components/ui/action-form";
import { SiteHeader } from "@/components/ui/site-header";
import { BUTTON_PRIMARY, CARD, INPUT, MUTED } from "@/components/ui/styles";
import { hasRole } from "@/lib/auth/roles";
import { assignedItems } from "@/lib/classes/assigned";
import { type ClassSummary, classesJoinedBy, classesTaughtBy } from "@/lib/db/classes";
import { requirePageUser } from "@/lib/identity/pages";

export const dynamic = "force-dynamic";
export const metadata = { title: "Classes · Runbox" };

function ClassList({ classes, testId }: { classes: ClassSummary[]; testId: string }) {
  return (
    <ul className="flex flex-col gap-1" data-testid={testId}>
      {classes.map((c) => (
        <li key={c.id} data-testid="class-row">
          <Link href={`/classes/${c.id}`} className="font-medium underline">
            {c.name}
          </Link>{" "}
          <span className={`text-sm ${MUTED}`}>
            {c.members} {c.members === 1 ? "student" : "students"} · {c.assignments} assigned · {c.teacherName}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Your classes: the ones you teach (and a form for a new one), the ones you joined, what is assigned to you. */
export default async function ClassesPage() {
  const user = await requirePageUser("/classes");
  const teacher = hasRole(user, "teacher");
  const [taught, joined, assigned] = await Promise.all([
    teacher ? classesTaughtBy(user.id) : Promise.resolve([]),
    classesJoinedBy(user.id),
    assignedItems(user.id),
  ]);
  return (
    <>
      <SiteHeader />
      <main className="mx-auto flex w-full max-w-4xl flex-col gap-6 p-4">
        <h1 className="text-2xl font-bold">Classes</h1>
        {teacher && (
          <section className={CARD} aria-labelledby="teach-h">
            <h2 id="teach-h" className="mb-2 text-lg font-semibold">
              Classes you teach
            </h2>
            {taught.length === 0 ? (
              <p className={`text-sm ${MUTED}`}>None yet.</p>
            ) : (
              <ClassList classes={taught} testId="taught-classes" />
            )}
            <ActionForm action={createClassAction} className="mt-3 flex flex-wrap items-end gap-2" label="New class">
              <label className="flex flex-col gap-1 text-sm font-medium">
                New class
                <input name="name" required maxLength={100} className={INPUT} data-testid="class-name" />
              </label>
              <button type="submit" className={BUTTON_PRIMARY} data-testid="create-class">
                Create class
              </button>
            </ActionForm>
          </section>
        )}
        <section className={CARD} aria-labelledby="assigned-h">
          <h2 id="assigned-h" className="mb-2 text-lg font-semibold">
            Assigned to you
          </h2>
          <AssignedList items={assigned} />
        </section>
        <section className={CARD} aria-labelledby="joined-h">
          <h2 id="joined-h" className="mb-2 text-lg font-semibold">
            Classes you are in
          </h2>
          {joined.length === 0 ? (
            <p className={`text-sm ${MUTED}`}>None yet: ask your teacher for a join link or code.</p>
          ) : (
            <ClassList classes={joined} testId="joined-classes" />
          )}
          <ActionForm action={joinClassAction} className="mt-3 flex flex-wrap items-end gap-2" label="Join a class">
            <label className="flex flex-col gap-1 text-sm font-medium">
              Join code
              <input
                name="code"
                required
                maxLength={20}
                autoComplete="off"
                placeholder="ABCDE-FGHJK"
                className={`${INPUT} font-mono uppercase`}
                data-testid="join-code-input"
              />
            </label>
            <button type="submit" className={BUTTON_PRIMARY} data-testid="join-submit">
              Join
            </button>
          </ActionForm>
        </section>
      </main>
    </>
  );
}
