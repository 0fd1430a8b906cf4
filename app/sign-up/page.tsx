import { signUpAction } from "@/app/account/actions";
import { AuthPage } from "@/components/account/auth-page";

export const dynamic = "force-dynamic";
export const metadata = { title: "Create an account · Runbox" };

export default function Page({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  return <AuthPage title="Create an account" mode="sign-up" action={signUpAction} searchParams={searchParams} />;
}
