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
  const data = runViewModel(shared.prepared, slug, `/api/shares/${slug}/output`);
  const fork = (
    <Link
      href={`/?fork=${slug}`}
      target={embed ? "_blank" : undefined}
      className="rounded bg-emerald-600 px-3 py-1 text-sm text-white"
      data-testid="fork"
    >
      Fork
    </Link>
  );
  if (embed) {
    return (
      <main className="flex min-h-0 flex-1 flex-col" data-testid="embed">
        <div className="flex items-center gap-2 px-3 py-1 text-sm">
          <span className="font-semibold">Runbox</span>
          <span className="ml-auto">{fork}</span>
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
          <span className="text-sm text-zinc-500">read-only snapshot from {shared.createdAt.slice(0, 10)}</span>
          <span className="ml-auto">{fork}</span>
        </div>
        <RunView data={data} />
      </main>
    </>
  );
}
