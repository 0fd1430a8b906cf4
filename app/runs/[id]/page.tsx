import { notFound } from "next/navigation";
import { RunActions } from "@/components/runs/run-actions";
import { RunView } from "@/components/runs/run-view";
import { SiteHeader } from "@/components/ui/site-header";
import { getRun } from "@/lib/db/runs";
import { sharesOfRun } from "@/lib/db/shares";
import { currentIdentity } from "@/lib/identity/current";
import { findLanguage } from "@/lib/sandbox/languages";
import { PreparedRun } from "@/lib/views/prepared-run";
import { runViewModel } from "@/lib/views/run-view-model";

export const dynamic = "force-dynamic";
export const metadata = { title: "Run · Runbox" };

/** One of your runs. Someone else's run is a 404, not a leak: sharing is explicit. */
export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const owner = (await currentIdentity()).ownerId;
  const run = id.length <= 64 ? await getRun(id) : null;
  if (!run || !owner || run.ownerId !== owner) notFound();
  const shares = await sharesOfRun(run.id, owner);
  // Bounded: long texts are sent as their first chunk; the rest comes from /api/runs/{id}/output.
  const view = runViewModel(
    new PreparedRun(run, findLanguage(run.language)?.defaultFile),
    run.id,
    `/api/runs/${run.id}/output`,
    `/api/runs/${run.id}/files`,
  );
  return (
    <>
      <SiteHeader />
      <main className="flex min-h-0 flex-1 flex-col">
        <div className="flex flex-wrap items-center gap-3 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
          <h1 className="font-semibold">Run {run.id.slice(0, 8)}</h1>
          <time className="text-sm text-zinc-600 dark:text-zinc-400" dateTime={run.createdAt.toISOString()}>
            {run.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC
          </time>
          <RunActions runId={run.id} finished={run.status !== "running"} shares={shares.map((s) => s.slug)} />
        </div>
        <RunView data={view} />
      </main>
    </>
  );
}
