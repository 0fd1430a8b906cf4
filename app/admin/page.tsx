import Link from "next/link";
import { ApiKeysAdmin } from "@/components/admin/api-keys-admin";
import { EnginesPanel } from "@/components/admin/engines-panel";
import { ExercisesAdmin } from "@/components/admin/exercises-admin";
import { InternalErrors } from "@/components/admin/internal-errors";
import { SiteHeader } from "@/components/ui/site-header";
import { CARD, MUTED } from "@/components/ui/styles";
import { appEngine } from "@/lib/app-engine";
import { listAllExercises } from "@/lib/db/admin-exercises";
import { listAllKeys } from "@/lib/db/api-keys";
import { countUsersByRole } from "@/lib/db/users";
import { env } from "@/lib/env";
import { requirePageUser } from "@/lib/identity/pages";
import { recentInternalErrors } from "@/lib/metrics/internal-errors";

export const dynamic = "force-dynamic";
export const metadata = { title: "Admin · Runbox" };

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section className={CARD} aria-labelledby={`${id}-h`} data-testid={`admin-${id}`}>
      <h2 id={`${id}-h`} className="mb-2 font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Admins: how this instance is doing, and what they manage (users, API keys, exercises). */
export default async function AdminPage() {
  await requirePageUser("/admin", "admin");
  const engine = appEngine();
  const e = env();
  const [roles, keys, exercises] = await Promise.all([countUsersByRole(), listAllKeys(), listAllExercises()]);
  return (
    <>
      <SiteHeader />
      <main className="mx-auto flex w-full max-w-5xl flex-col gap-4 p-4">
        <h1 className="text-2xl font-bold">Admin</h1>
        <p className={`text-sm ${MUTED}`}>
          This instance's engine, queue and faults (each instance shows its own; Prometheus can scrape them all at{" "}
          <code>/metrics</code>); users, keys and exercises are shared by every instance.
        </p>
        <Section id="engines" title="Docker engines, warm pools and the queue">
          <EnginesPanel stats={engine.stats()} instance={engine.config.instanceId} />
        </Section>
        <Section id="errors" title="Recent internal errors">
          <InternalErrors errors={recentInternalErrors()} />
        </Section>
        <Section id="users" title="Users and roles">
          <p className="text-sm" data-testid="admin-role-counts">
            {roles.admin} {roles.admin === 1 ? "admin" : "admins"}, {roles.teacher}{" "}
            {roles.teacher === 1 ? "teacher" : "teachers"}, {roles.student}{" "}
            {roles.student === 1 ? "student" : "students"}.{" "}
            <Link href="/admin/users" className="underline" data-testid="admin-users-link">
              Change roles
            </Link>
          </p>
        </Section>
        <Section id="keys" title="API keys">
          <ApiKeysAdmin
            keys={keys}
            defaults={{ perMinute: e.RUNBOX_KEY_RUNS_PER_MINUTE, perDay: e.RUNBOX_KEY_RUNS_PER_DAY }}
          />
        </Section>
        <Section id="exercises" title="Exercises">
          <ExercisesAdmin exercises={exercises} />
        </Section>
      </main>
    </>
  );
}
