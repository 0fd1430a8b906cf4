import Link from "next/link";
import { ERROR_TONE, formatMs, previewLine, STATUS_LABEL, STATUS_TONE, TIME_TITLES } from "@/components/runs/describe";
import { SiteHeader } from "@/components/ui/site-header";
import { appEngine } from "@/lib/app-engine";
import { listRuns } from "@/lib/db/runs";
import { currentIdentity } from "@/lib/identity/current";
import { isStoredStatus, STORED_STATUSES, type StoredStatus } from "@/lib/outcome-text";

export const dynamic = "force-dynamic";
export const metadata = { title: "History · Runbox" };

/** Statuses a person can filter by (a "running" run is not in history for long). */
const STATUSES: StoredStatus[] = STORED_STATUSES.filter((s) => s !== "running");

/** This browser's runs, newest first, with filters, search and pages. */
export default async function RunsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const params = await searchParams;
  const owner = (await currentIdentity()).ownerId;
  const languages = appEngine().languages();
  const language = languages.some((l) => l.id === params.language) ? params.language : undefined;
  const status =
    params.status && isStoredStatus(params.status) && params.status !== "running" ? params.status : undefined;
  const q = params.q?.slice(0, 200) || undefined;
  const page = Math.max(1, Number.parseInt(params.page ?? "1", 10) || 1);
  const { runs, total, pages } = owner
    ? await listRuns({ ownerId: owner, language, status, q, page })
    : { runs: [], total: 0, pages: 1 };
  const link = (p: number) => {
    const sp = new URLSearchParams();
    if (language) sp.set("language", language);
    if (status) sp.set("status", status);
    if (q) sp.set("q", q);
    sp.set("page", String(p));
    return `/runs?${sp}`;
  };
  const select = "rounded border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900";
  return (
    <>
      <SiteHeader />
      <main className="mx-auto flex w-full max-w-5xl flex-col gap-4 p-4">
        <h1 className="text-2xl font-bold">Your runs</h1>
        <form className="flex flex-wrap items-end gap-2 text-sm" aria-label="Filter runs" action="/runs">
          <label className="flex flex-col gap-1">
            Language
            <select name="language" defaultValue={language ?? ""} className={select} data-testid="filter-language">
              <option value="">All</option>
              {languages.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1">
            Status
            <select name="status" defaultValue={status ?? ""} className={select} data-testid="filter-status">
              <option value="">All</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABEL[s]}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1">
            Search code and output
            <input name="q" defaultValue={q ?? ""} className={select} data-testid="filter-q" />
          </label>
          <button type="submit" className="rounded bg-emerald-700 px-3 py-1 text-white" data-testid="filter-apply">
            Filter
          </button>
        </form>
        <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="runs-total">
          {total} {total === 1 ? "run" : "runs"}
        </p>
        {runs.length === 0 ? (
          <p data-testid="runs-empty">
            No runs yet. Runs you start in the playground appear here; nobody else sees them.
          </p>
        ) : (
          <ul className="divide-y divide-zinc-200 rounded border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
            {runs.map((r) => (
              <li key={r.id} data-testid="run-row" data-language={r.language} data-status={r.status}>
                <Link
                  href={`/runs/${r.id}`}
                  className="flex flex-wrap items-center gap-3 px-3 py-2 hover:bg-zinc-50 dark:hover:bg-zinc-900"
                >
                  <span className={`rounded px-2 py-0.5 text-xs font-semibold ${STATUS_TONE[r.status] ?? ERROR_TONE}`}>
                    {STATUS_LABEL[r.status] ?? r.status}
                  </span>
                  <span className="font-medium">{r.language}</span>
                  <span className="min-w-0 flex-1 truncate font-mono text-sm text-zinc-600 dark:text-zinc-400">
                    {previewLine(r.files[0]?.content ?? "")}
                  </span>
                  <span
                    className="text-xs text-zinc-600 dark:text-zinc-400"
                    title={TIME_TITLES.total}
                    data-testid="run-total"
                  >
                    total {formatMs(r.wallTimeMs)}
                  </span>
                  <time className="text-xs text-zinc-600 dark:text-zinc-400" dateTime={r.createdAt.toISOString()}>
                    {r.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC
                  </time>
                </Link>
              </li>
            ))}
          </ul>
        )}
        {pages > 1 && (
          <nav aria-label="Pages" className="flex items-center gap-3 text-sm">
            {page > 1 && (
              <Link href={link(page - 1)} data-testid="page-prev">
                ← Newer
              </Link>
            )}
            <span>
              Page {page} of {pages}
            </span>
            {page < pages && (
              <Link href={link(page + 1)} data-testid="page-next">
                Older →
              </Link>
            )}
          </nav>
        )}
      </main>
    </>
  );
}
