import Link from "next/link";
import { changePasswordAction, signOutAction, signOutEverywhereAction } from "@/app/account/actions";
import { ApiKeyList } from "@/components/account/api-key-list";
import { NewApiKeyForm } from "@/components/account/new-api-key-form";
import { ActionForm } from "@/components/ui/action-form";
import { SiteHeader } from "@/components/ui/site-header";
import { BUTTON, BUTTON_DANGER, CARD, INPUT, MUTED } from "@/components/ui/styles";
import { hasRole } from "@/lib/auth/roles";
import { listUserKeys } from "@/lib/db/api-keys";
import { listSessions } from "@/lib/db/sessions";
import { env } from "@/lib/env";
import { currentIdentity } from "@/lib/identity/current";
import { requirePageUser } from "@/lib/identity/pages";

export const dynamic = "force-dynamic";
export const metadata = { title: "Your account · Runbox" };

const ROLE_TEXT = {
  student: "Student: join classes with a code from your teacher.",
  teacher: "Teacher: make classes, write exercises, follow your students.",
  admin: "Admin: everything a teacher can, and you decide who teaches.",
};

export default async function AccountPage() {
  const user = await requirePageUser("/account");
  const identity = await currentIdentity();
  const [sessions, keys] = await Promise.all([listSessions(user.id), listUserKeys(user.id)]);
  const e = env();
  const current = identity.kind === "user" ? identity.sessionId : "";
  return (
    <>
      <SiteHeader />
      <main className="mx-auto flex w-full max-w-3xl flex-col gap-4 p-4">
        <h1 className="text-2xl font-bold" data-testid="account-username">
          {user.username}
        </h1>
        <p data-testid="account-role" data-role={user.role}>
          {ROLE_TEXT[user.role]}
        </p>
        <nav aria-label="Your pages" className="flex flex-wrap gap-3 text-sm">
          <Link href="/classes" className="underline">
            Classes
          </Link>
          <Link href="/runs" className="underline">
            Runs
          </Link>
          <Link href="/exercises" className="underline">
            Exercises
          </Link>
          {hasRole(user, "teacher") && (
            <Link href="/teach/exercises" className="underline">
              My exercises
            </Link>
          )}
          {hasRole(user, "admin") && (
            <Link href="/admin" className="underline" data-testid="admin-link">
              Admin
            </Link>
          )}
          {hasRole(user, "admin") && (
            <Link href="/admin/users" className="underline" data-testid="admin-users-link">
              Users and roles
            </Link>
          )}
        </nav>
        <section className={CARD} aria-labelledby="sessions-h">
          <h2 id="sessions-h" className="mb-2 font-semibold">
            Where you are signed in
          </h2>
          <ul className="flex flex-col gap-1 text-sm" data-testid="sessions">
            {sessions.map((s) => (
              <li key={s.id} data-testid="session-row">
                <span className="font-mono">{s.userAgent.slice(0, 80) || "Unknown browser"}</span>{" "}
                <span className={MUTED}>
                  since {s.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC
                  {s.id === current ? " · this browser" : ""}
                </span>
              </li>
            ))}
          </ul>
          <div className="mt-3 flex flex-wrap gap-2">
            <form action={signOutAction}>
              <button type="submit" className={BUTTON}>
                Sign out
              </button>
            </form>
            <form action={signOutEverywhereAction}>
              <button type="submit" className={BUTTON_DANGER} data-testid="sign-out-everywhere">
                Sign out everywhere
              </button>
            </form>
          </div>
        </section>
        <section className={CARD} aria-labelledby="keys-h" data-testid="api-keys-section">
          <h2 id="keys-h" className="mb-1 font-semibold">
            API keys
          </h2>
          <p className={`mb-3 text-sm ${MUTED}`}>
            For programs that use Runbox's{" "}
            <Link href="/docs/api" className="underline">
              HTTP API
            </Link>
            : send a key as <code>Authorization: Bearer rbx_…</code>. Runs and submissions made with it are yours and
            show in your history. Each key may make {e.RUNBOX_KEY_RUNS_PER_MINUTE} runs a minute and{" "}
            {e.RUNBOX_KEY_RUNS_PER_DAY} a day unless an admin set other limits.
          </p>
          <div className="flex flex-col gap-3">
            <NewApiKeyForm />
            <ApiKeyList
              keys={keys}
              defaults={{ perMinute: e.RUNBOX_KEY_RUNS_PER_MINUTE, perDay: e.RUNBOX_KEY_RUNS_PER_DAY }}
            />
          </div>
        </section>
        <section className={CARD} aria-labelledby="password-h">
          <h2 id="password-h" className="mb-2 font-semibold">
            Change your password
          </h2>
          <ActionForm
            action={changePasswordAction}
            className="flex flex-wrap items-end gap-2"
            label="Change your password"
          >
            <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
            {(
              [
                ["current", "Current password", "current-password"],
                ["password", "New password", "new-password"],
                ["confirm", "New password again", "new-password"],
              ] as const
            ).map(([name, text, auto]) => (
              <label key={name} className="flex flex-col gap-1 text-sm font-medium">
                {text}
                <input name={name} type="password" autoComplete={auto} required className={INPUT} />
              </label>
            ))}
            <button type="submit" className={BUTTON}>
              Change password
            </button>
          </ActionForm>
        </section>
      </main>
    </>
  );
}
