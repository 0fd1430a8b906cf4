import Link from "next/link";
import { SiteHeader } from "@/components/ui/site-header";

export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-xl p-8">
        <h1 className="text-2xl font-bold" data-testid="not-found">
          Not found
        </h1>
        <p className="mt-2">This page does not exist, or it is private, or its link was revoked.</p>
        <Link href="/" className="mt-4 inline-block underline">
          Open the playground
        </Link>
      </main>
    </>
  );
}
