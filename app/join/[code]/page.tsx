import { joinClassAction } from "@/app/classes/actions";
import { ActionForm } from "@/components/ui/action-form";
import { SiteHeader } from "@/components/ui/site-header";
import { BUTTON_PRIMARY, MUTED } from "@/components/ui/styles";
import { normalizeJoinCode } from "@/lib/classes/join-code";
import { classByJoinCode } from "@/lib/db/classes";
import { requirePageUser } from "@/lib/identity/pages";

export const dynamic = "force-dynamic";
export const metadata = { title: "Join a class · Runbox" };

/** A join link: signed out → sign in or up first (then back here); then one click joins. */
export default async function JoinPage({ params }: { params: Promise<{ code: string }> }) {
  const raw = (await params).code;
  await requirePageUser(`/join/${encodeURIComponent(raw.slice(0, 20))}`);
  const code = normalizeJoinCode(decodeURIComponent(raw).slice(0, 20));
  const c = code ? await classByJoinCode(code) : null;
  return (
    <>
      <SiteHeader />
      <main className="mx-auto flex w-full max-w-md flex-col gap-4 p-6">
        <h1 className="text-2xl font-bold">Join a class</h1>
        {c && code ? (
          <>
            <p data-testid="join-class-name">
              <strong>{c.name}</strong> <span className={MUTED}>taught by {c.teacherName}</span>
            </p>
            <p className={`text-sm ${MUTED}`}>
              Your teacher will see your username and your submissions to the exercises of this class.
            </p>
            <ActionForm action={joinClassAction} label="Join">
              <input type="hidden" name="code" value={code} />
              <button type="submit" className={BUTTON_PRIMARY} data-testid="join-confirm">
                Join {c.name}
              </button>
            </ActionForm>
          </>
        ) : (
          <p role="alert" data-testid="join-invalid">
            This join link does not work (any more). Ask your teacher for a new one.
          </p>
        )}
      </main>
    </>
  );
}
