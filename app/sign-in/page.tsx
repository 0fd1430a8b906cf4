import Link from "next/link";
import { signInAction } from "@/app/account/actions";
import { AuthForm } from "@/components/account/auth-form";
import { SiteHeader } from "@/components/ui/site-header";
import { MUTED } from "@/components/ui/styles";
import { currentUser } from "@/lib/identity/current";
import { safeNext } from "@/lib/identity/pages";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign in · Runbox" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const next = safeNext((await searchParams).next, "/account");
  const user = await currentUser();
  return (
    <>
      <SiteHeader />
      <main className="mx-auto flex w-full max-w-sm flex-col gap-4 p-6">
        <h1 className="text-2xl font-bold">Sign in</h1>
        {user && (
          <p className={`text-sm ${MUTED}`} data-testid="already-signed-in">
            You are signed in as <strong>{user.username}</strong>.{" "}
            <Link href={next} className="underline">
              Continue
            </Link>
          </p>
        )}
        <p className={`text-sm ${MUTED}`}>
          Runbox works without an account too. With one, your runs, shares and submissions follow you, and you can join
          a class — what you did in this browser so far comes along.
        </p>
        <AuthForm mode="sign-in" action={signInAction} next={next} />
      </main>
    </>
  );
}
