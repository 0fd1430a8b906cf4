import { signInAction } from "@/app/account/actions";
import { AuthPage } from "@/components/account/auth-page";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign in · Runbox" };

export default function Page({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  return <AuthPage title="Sign in" mode="sign-in" action={signInAction} searchParams={searchParams} />;
}
