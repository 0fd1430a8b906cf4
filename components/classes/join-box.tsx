"use client";

import { useEffect, useState } from "react";
import { MUTED } from "@/components/ui/styles";

/** The join code and link, with a copy button (the link's origin is the one the teacher sees). */
export function JoinBox({ code }: { code: string }) {
  const [origin, setOrigin] = useState("");
  const [copied, setCopied] = useState(false);
  useEffect(() => setOrigin(window.location.origin), []);
  const grouped = `${code.slice(0, 5)}-${code.slice(5)}`;
  const link = `${origin}/join/${grouped}`;
  return (
    <div className="flex flex-col gap-1">
      <p>
        Code:{" "}
        <strong className="font-mono text-lg" data-testid="join-code">
          {grouped}
        </strong>
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <label className="sr-only" htmlFor="join-link">
          Join link
        </label>
        <input
          id="join-link"
          readOnly
          value={link}
          className="min-w-72 flex-1 rounded border border-zinc-400 bg-zinc-50 px-2 py-1 font-mono text-sm dark:border-zinc-600 dark:bg-zinc-900"
          data-testid="join-link"
        />
        <button
          type="button"
          className="rounded border border-zinc-400 px-2 py-1 text-sm dark:border-zinc-600"
          onClick={() => navigator.clipboard?.writeText(link).then(() => setCopied(true))}
        >
          {copied ? "Copied" : "Copy link"}
        </button>
      </div>
      <p className={`text-xs ${MUTED}`}>Anyone with the code can join while it is active.</p>
    </div>
  );
}
