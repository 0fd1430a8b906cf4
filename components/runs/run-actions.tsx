"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { removeRun, revokeShare } from "@/app/actions";
import { ShareBox } from "./share-box";

/** Open in editor, run again, share, revoke shares, delete. */
export function RunActions({ runId, finished, shares }: { runId: string; finished: boolean; shares: string[] }) {
  const router = useRouter();
  const [live, setLive] = useState(shares);
  const [error, setError] = useState<string | null>(null);
  const button =
    "rounded border border-zinc-300 px-3 py-1 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Link href={`/?run=${runId}`} className={button} data-testid="open-in-editor">
        Open in editor
      </Link>
      <Link href={`/?run=${runId}&autorun=1`} className={button} data-testid="run-again">
        Run again
      </Link>
      {finished && <ShareBox runId={runId} />}
      <button
        type="button"
        className={`${button} text-red-700 dark:text-red-400`}
        data-testid="delete-run"
        onClick={async () => {
          if (!window.confirm("Delete this run? Share links to it keep working until you revoke them.")) return;
          const res = await removeRun(runId);
          if (res.ok) router.push("/runs");
          else setError(res.error.message);
        }}
      >
        Delete
      </button>
      {live.map((slug) => (
        <span key={slug} className="flex items-center gap-1 text-sm" data-testid="existing-share">
          <Link href={`/s/${slug}`} className="font-mono text-xs underline">
            /s/{slug.slice(0, 8)}…
          </Link>
          <button
            type="button"
            data-testid="revoke-share"
            className="text-xs text-red-700 underline dark:text-red-400"
            onClick={async () => {
              const res = await revokeShare(slug);
              if (res.ok) setLive((l) => l.filter((s) => s !== slug));
              else setError(res.error.message);
            }}
          >
            revoke
          </button>
        </span>
      ))}
      {error && <span className="text-sm text-red-700 dark:text-red-400">{error}</span>}
    </div>
  );
}
