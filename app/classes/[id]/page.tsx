import Link from "next/link";
import { notFound } from "next/navigation";
import { assignAction, joinCodeAction, removeStudentAction, unassignAction } from "@/app/classes/actions";
import { AssignForm } from "@/components/classes/assign-form";
import { AssignedList, formatUtc } from "@/components/classes/assigned-list";
import { JoinBox } from "@/components/classes/join-box";
import { ActionForm } from "@/components/ui/action-form";
import { SiteHeader } from "@/components/ui/site-header";
import { BUTTON, BUTTON_DANGER, CARD, MUTED } from "@/components/ui/styles";
import type { SessionUser } from "@/lib/auth/roles";
import { classOfMember, classOfTeacher } from "@/lib/classes/access";
import { assignedItems } from "@/lib/classes/assigned";
import { assignmentsOf } from "@/lib/db/assignments";
import { exercisesBy } from "@/lib/db/authored-exercises";
import { type ClassSummary, membersOf } from "@/lib/db/classes";
import { listExercises } from "@/lib/db/exercises";
import { requirePageUser } from "@/lib/identity/pages";

export const dynamic = "force-dynamic";
export const metadata = { title: "Class · Runbox" };

/** A class: its teacher manages it here; a member sees what is assigned; anyone else gets a 404. */
export default async function ClassPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/classes/${id}`);
  const taught = await classOfTeacher(id, user);
  if (taught) return <TeacherView c={taught} user={user} />;
  const joined = await classOfMember(id, user);
  if (!joined) notFound();
  const items = await assignedItems(user.id, joined.id);
  return (
    <>
      <SiteHeader />
      <main className="mx-auto flex w-full max-w-4xl flex-col gap-4 p-4">
        <h1 className="text-2xl font-bold" data-testid="class-title">
          {joined.name}
        </h1>
        <p className={MUTED}>Taught by {joined.teacherName}</p>
        <section aria-labelledby="assigned-h" className="flex flex-col gap-2">
          <h2 id="assigned-h" className="text-lg font-semibold">
            Assigned to you
          </h2>
          <AssignedList items={items.map(({ className: _c, ...rest }) => rest)} />
        </section>
      </main>
    </>
  );
}

async function TeacherView({ c, user }: { c: ClassSummary; user: SessionUser }) {
  const [members, assignments, own, catalog] = await Promise.all([
    membersOf(c.id),
    assignmentsOf(c.id),
    exercisesBy(user.id),
    listExercises(),
  ]);
  const assignable = own.filter((e) => e.visibility !== "draft");
  return (
    <>
      <SiteHeader />
      <main className="mx-auto flex w-full max-w-5xl flex-col gap-4 p-4">
        <div className="flex flex-wrap items-baseline gap-3">
          <h1 className="text-2xl font-bold" data-testid="class-title">
            {c.name}
          </h1>
          <Link href={`/classes/${c.id}/dashboard`} className="underline" data-testid="open-dashboard">
            Progress dashboard
          </Link>
        </div>
        <section className={CARD} aria-labelledby="join-h">
          <h2 id="join-h" className="mb-2 text-lg font-semibold">
            Joining
          </h2>
          {c.joinCode ? (
            <JoinBox code={c.joinCode} />
          ) : (
            <p data-testid="join-revoked">Joining is closed: make a new code to let students in.</p>
          )}
          <div className="mt-2 flex flex-wrap gap-2">
            <ActionForm action={joinCodeAction.bind(null, c.id, false)}>
              <button type="submit" className={BUTTON} data-testid="regenerate-code">
                New code
              </button>
            </ActionForm>
            {c.joinCode && (
              <ActionForm action={joinCodeAction.bind(null, c.id, true)}>
                <button type="submit" className={BUTTON_DANGER} data-testid="revoke-code">
                  Close joining
                </button>
              </ActionForm>
            )}
          </div>
        </section>
        <section className={CARD} aria-labelledby="assignments-h">
          <h2 id="assignments-h" className="mb-2 text-lg font-semibold">
            Assignments
          </h2>
          {assignments.length === 0 ? (
            <p className={`mb-2 text-sm ${MUTED}`}>Nothing assigned yet.</p>
          ) : (
            <ul className="mb-3 flex flex-col gap-1" data-testid="assignments">
              {assignments.map((a) => (
                <li
                  key={a.id}
                  className="flex flex-wrap items-center gap-3"
                  data-testid="assignment-row"
                  data-slug={a.exerciseSlug}
                >
                  <Link href={`/exercises/${a.exerciseSlug}`} className="font-medium underline">
                    {a.title}
                  </Link>
                  <span className={`text-sm ${MUTED}`}>{a.dueAt ? `due ${formatUtc(a.dueAt)}` : "no due date"}</span>
                  <Link href={`/classes/${c.id}/assignments/${a.id}/similarity`} className="text-sm underline">
                    Similarity report
                  </Link>
                  <ActionForm action={unassignAction.bind(null, c.id, a.id)} className="ml-auto">
                    <button type="submit" className="text-sm text-red-800 underline dark:text-red-300">
                      Remove
                    </button>
                  </ActionForm>
                </li>
              ))}
            </ul>
          )}
          <AssignForm
            action={assignAction.bind(null, c.id)}
            own={assignable.map((e) => ({ slug: e.slug, title: e.title }))}
            catalog={catalog.map((e) => ({ slug: e.slug, title: e.title }))}
          />
          {own.length > assignable.length && (
            <p className={`mt-2 text-xs ${MUTED}`}>
              Drafts are not listed: publish an exercise to your classes first (its reference solution must pass).
            </p>
          )}
        </section>
        <section className={CARD} aria-labelledby="roster-h">
          <h2 id="roster-h" className="mb-2 text-lg font-semibold">
            Students ({members.length})
          </h2>
          {members.length === 0 ? (
            <p className={`text-sm ${MUTED}`}>No one has joined yet: share the link above.</p>
          ) : (
            <ul className="flex flex-col gap-1" data-testid="roster">
              {members.map((m) => (
                <li key={m.id} className="flex items-center gap-3" data-testid="roster-row" data-username={m.username}>
                  <span className="font-medium">{m.username}</span>
                  <span className={`text-sm ${MUTED}`}>joined {formatUtc(m.joinedAt)}</span>
                  <ActionForm action={removeStudentAction.bind(null, c.id, m.id)} className="ml-auto">
                    <button
                      type="submit"
                      className="text-sm text-red-800 underline dark:text-red-300"
                      aria-label={`Remove ${m.username}`}
                    >
                      Remove
                    </button>
                  </ActionForm>
                </li>
              ))}
            </ul>
          )}
        </section>
      </main>
    </>
  );
}
