"use client";

import type { DraftBackup } from "./draft-backups";

export type SeedKind = "fork" | "run";

const OPENED: Record<SeedKind, string> = {
  fork: "You opened a copy of a shared program. It is someone else's code: read it before you press Run.",
  run: "You opened one of your runs in the editor.",
};

const button =
  "rounded border border-zinc-300 px-2 py-0.5 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";

/** After a fork or "Open in editor": what happened, and the way back to the code that was there. */
export function DraftNotice(props: {
  kind: SeedKind;
  /** There was other code in the editor, and it is kept (false: nothing was replaced). */
  kept: boolean;
  /** The backup could not be stored: the previous code stays the saved draft until dismissed. */
  storageFull?: boolean;
  onRestore: () => void;
  onDismiss: () => void;
}) {
  return (
    <div
      role="status"
      data-testid="draft-notice"
      className="flex flex-wrap items-center gap-2 border-b border-sky-200 bg-sky-50 px-3 py-1.5 text-sm text-sky-950 dark:border-sky-900 dark:bg-sky-950 dark:text-sky-100"
    >
      <span>
        {OPENED[props.kind]}
        {props.kept &&
          (props.storageFull
            ? " The browser's storage is full: the code you had before stays saved until you dismiss this."
            : " The code you had before is kept.")}
      </span>
      {props.kept && (
        <button type="button" className={button} data-testid="restore-previous" onClick={props.onRestore}>
          Restore my previous code
        </button>
      )}
      <button type="button" className={`${button} ml-auto`} onClick={props.onDismiss}>
        Dismiss
      </button>
    </div>
  );
}

function preview(b: DraftBackup): string {
  const file = b.draft.workspaces[b.draft.language]?.files[0];
  const line = file?.content.split("\n").find((l) => l.trim()) ?? "";
  return line.length > 60 ? `${line.slice(0, 60)}…` : line;
}

/** Earlier drafts set aside before something replaced them; restoring one keeps the current code too. */
export function EarlierDrafts({ backups, onRestore }: { backups: DraftBackup[]; onRestore: (id: string) => void }) {
  if (backups.length === 0) return null;
  return (
    <details className="relative text-sm" data-testid="earlier-drafts">
      <summary className="cursor-pointer rounded px-2 py-1 hover:bg-zinc-100 dark:hover:bg-zinc-800">
        Earlier drafts ({backups.length})
      </summary>
      <ul className="absolute right-0 z-20 mt-1 flex max-h-80 w-80 max-w-[90vw] flex-col divide-y divide-zinc-200 overflow-auto rounded border border-zinc-300 bg-white shadow-lg dark:divide-zinc-800 dark:border-zinc-700 dark:bg-zinc-900">
        {backups.map((b) => (
          <li key={b.id} className="flex items-center gap-2 p-2" data-testid="earlier-draft">
            <span className="min-w-0 flex-1">
              <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                {b.draft.language} · {new Date(b.savedAt).toLocaleString()} · {b.reason}
              </span>
              <span className="block truncate font-mono text-xs">{preview(b)}</span>
            </span>
            <button type="button" className={button} onClick={() => onRestore(b.id)}>
              Restore
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
