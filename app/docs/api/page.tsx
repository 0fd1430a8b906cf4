import Link from "next/link";
import { ApiReference } from "@/components/docs/api-reference";
import { SiteHeader } from "@/components/ui/site-header";
import { MUTED } from "@/components/ui/styles";

export const metadata = { title: "API reference · Runbox" };

/** The HTTP API's reference, from /api/openapi.json (generated from the routes' own schemas). */
export default function ApiDocsPage() {
  return (
    <>
      <SiteHeader />
      <main className="mx-auto flex w-full max-w-6xl flex-col gap-3 p-4">
        <h1 className="text-2xl font-bold">API reference</h1>
        <p className={`text-sm ${MUTED}`}>
          The native API (<code>/api/v1</code>) and the Piston-compatible one (<code>/api/v2</code>), from{" "}
          <a href="/api/openapi.json" className="underline" data-testid="openapi-link">
            /api/openapi.json
          </a>{" "}
          (OpenAPI 3.1: generate a client from it). Programs send an API key from your{" "}
          <Link href="/account" className="underline">
            account page
          </Link>{" "}
          as <code>Authorization: Bearer rbx_…</code> (<strong>Authorize</strong> below uses one for “Try it out”).
        </p>
        <ApiReference />
      </main>
    </>
  );
}
