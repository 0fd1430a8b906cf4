import Link from "next/link";
import type { ComponentProps } from "react";
import { SiteHeader } from "@/components/ui/site-header";
import { MUTED } from "@/components/ui/styles";
import { currentUser } from "@/lib/identity/current";
import { safeNext } from "@/lib/identity/pages";
import { AuthForm } from "./auth-form";

/** The sign-in and sign-up pages: the same page around the form, with its own title and action. */
export async function AuthPage({
  title,
  mode,
  action,
  searchParams,
}: {
  title: string;
  mode: ComponentProps<typeof AuthForm>["mode"];
  action: ComponentProps<typeof AuthForm>["action"];
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const next = safeNext((await searchParams).next, "/account");
  const user = await currentUser();
  return (
    <>
      <SiteHeader />
      <main className="mx-auto flex w-full max-w-sm flex-col gap-4 p-6">
        <h1 className="text-2xl font-bold">{title}</h1>
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
        <AuthForm mode={mode} action={action} next={next} />
      </main>
    </>
  );
}
