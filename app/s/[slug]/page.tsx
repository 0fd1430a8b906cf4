import Link from "next/link";
import { notFound } from "next/navigation";
import { RunView } from "@/components/runs/run-view";
import { SiteHeader } from "@/components/ui/site-header";
import { runViewModel } from "@/lib/views/run-view-model";
import { loadSharedRun } from "@/lib/views/shared-runs";

export const dynamic = "force-dynamic";
export const metadata = { title: "Shared run · Runbox", robots: { index: false } };

/** A public snapshot. Its code and output are attacker-authored: all rendered as text, and bounded. */
export default async function SharePage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { slug } = await params;
  const embed = (await searchParams).embed === "1";
  // Cached: a share is an immutable snapshot. The page gets a bounded view of it; long texts
  // come in chunks from /api/shares/{slug}/output.
  const shared = await loadSharedRun(slug);
  if (!shared) notFound();
  const data = runViewModel(shared.prepared, slug, `/api/shares/${slug}/output`, `/api/shares/${slug}/files`);
  const fork = (
    <Link href={`/?fork=${slug}`} className="rounded bg-emerald-700 px-3 py-1 text-sm text-white" data-testid="fork">
      Fork
    </Link>
  );
  if (embed) {
    // Fits a small frame (700×400): code and result side by side, each scrolling inside. A run
    // from here opens the playground in a new tab; someone else's code runs only on a click there.
    return (
      <main className="flex h-dvh min-h-0 flex-col" data-testid="embed">
        <div className="flex items-center gap-2 border-b border-zinc-200 px-3 py-1 text-sm dark:border-zinc-800">
          <h1 className="font-semibold">Runbox · shared run</h1>
          <Link
            href={`/?fork=${slug}`}
            target="_blank"
            rel="noopener"
            className="ml-auto rounded bg-emerald-700 px-3 py-1 text-sm text-white"
            data-testid="embed-run"
            aria-label="Run in Runbox (opens the playground in a new tab)"
          >
            <span aria-hidden>▶ </span>Run in Runbox<span aria-hidden> ↗</span>
          </Link>
        </div>
        <RunView data={data} compact />
      </main>
    );
  }
  return (
    <>
      <SiteHeader />
      <main className="flex min-h-0 flex-1 flex-col">
        <div className="flex flex-wrap items-center gap-3 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
          <h1 className="font-semibold">Shared run</h1>
          <span className="text-sm text-zinc-600 dark:text-zinc-400">
            read-only snapshot from {shared.createdAt.slice(0, 10)}
          </span>
          <span className="ml-auto">{fork}</span>
        </div>
        <RunView data={data} />
      </main>
    </>
  );
}
