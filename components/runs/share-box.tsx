"use client";

import { useState } from "react";
import { shareRun } from "@/app/actions";

/** "Share" → an immutable public link to this run, with a copy button. */
export function ShareBox({ runId }: { runId: string }) {
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [busy, setBusy] = useState(false);

  async function share() {
    setBusy(true);
    setError(null);
    const res = await shareRun(runId).catch(() => null);
    setBusy(false);
    if (!res) setError("Could not reach the server.");
    else if (!res.ok) setError(res.error.message);
    else setLink(`${window.location.origin}/s/${res.slug}`);
  }

  async function copy() {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setError("Copying is blocked here; select the link and copy it yourself.");
    }
  }

  if (!link)
    return (
      <span className="flex items-center gap-2">
        <button
          type="button"
          data-testid="share"
          disabled={busy}
          onClick={share}
          className="rounded border border-zinc-300 px-3 py-1 text-sm hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          {busy ? "Sharing…" : "Share"}
        </button>
        {error && <span className="text-sm text-red-700 dark:text-red-400">{error}</span>}
      </span>
    );
  return (
    <span className="flex items-center gap-2">
      <label className="sr-only" htmlFor={`share-${runId}`}>
        Share link
      </label>
      <input
        id={`share-${runId}`}
        data-testid="share-link"
        readOnly
        value={link}
        onFocus={(e) => e.target.select()}
        className="w-72 rounded border border-zinc-300 bg-transparent px-2 py-1 font-mono text-xs dark:border-zinc-700"
      />
      <button
        type="button"
        data-testid="copy-link"
        onClick={copy}
        className="rounded border border-zinc-300 px-2 py-1 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        {copied ? "Copied" : "Copy"}
      </button>
      {error && <span className="text-sm text-red-700 dark:text-red-400">{error}</span>}
    </span>
  );
}
