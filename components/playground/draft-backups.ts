import { z } from "zod";
import { STARTERS } from "@/lib/starters";
import { Draft, toDraft } from "./draft";
import type { PlaygroundState } from "./state";

export const BACKUPS_KEY = "runbox:draft-backups";

/** Earlier drafts kept, newest first; past either cap the oldest go. */
export const MAX_BACKUPS = 10;
const MAX_BACKUP_CHARS = 2_000_000;

/** A draft set aside before something replaced it (a fork, "Open in editor", a restore). */
export const DraftBackup = z.object({
  id: z.string().min(1).max(40),
  savedAt: z.number(),
  reason: z.string().max(200),
  draft: Draft,
});
export type DraftBackup = z.infer<typeof DraftBackup>;

/** Versioned like the draft: another version is dropped, not guessed at. */
export const DraftBackups = z.object({ v: z.literal(1), backups: z.array(DraftBackup) });
export type DraftBackups = z.infer<typeof DraftBackups>;

type Store = Pick<Storage, "getItem" | "setItem" | "removeItem">;
type EditorState = Omit<PlaygroundState, "run">;

export function loadBackups(storage: Pick<Storage, "getItem">): DraftBackup[] {
  try {
    const parsed = DraftBackups.safeParse(JSON.parse(storage.getItem(BACKUPS_KEY) ?? "null"));
    return parsed.success ? parsed.data.backups : [];
  } catch {
    return [];
  }
}

function store(storage: Store, backups: DraftBackup[]): boolean {
  let kept = backups.slice(0, MAX_BACKUPS);
  // Bounded: localStorage holds about 5 MB per origin and the draft itself lives there too.
  while (kept.length > 1 && JSON.stringify(kept).length > MAX_BACKUP_CHARS) kept = kept.slice(0, -1);
  try {
    storage.setItem(BACKUPS_KEY, JSON.stringify({ v: 1, backups: kept } satisfies DraftBackups));
    return true;
  } catch {
    return false;
  }
}

/** What a person wrote: files, inputs and limits (not the active tab or the language shown). */
function program(d: Draft): string {
  return JSON.stringify([d.workspaces, d.stdin, d.args, d.env, d.limits, d.network]);
}

/** The same program as the one the editor starts from: nothing to keep. */
export function sameProgram(a: EditorState, b: EditorState): boolean {
  return program(toDraft(a)) === program(toDraft(b));
}

/** Nothing typed yet: every language shows its untouched starter and the inputs are empty. */
export function isUntouched(state: EditorState): boolean {
  if (state.stdin || state.args || state.env || Object.keys(state.limits).length > 0) return false;
  return Object.entries(state.workspaces).every(([language, w]) => {
    const starter = STARTERS[language];
    const only = w.files.length === 1 ? w.files[0] : undefined;
    return only !== undefined && (starter ? only.content === starter.content : only.content === "");
  });
}

/**
 * Keep `state` before it is replaced; the backup's id (an identical backup's, when there is one),
 * or null when storage refused it.
 */
export function pushBackup(storage: Store, state: EditorState, reason: string, now = Date.now()): string | null {
  const draft = toDraft(state);
  const backups = loadBackups(storage);
  const existing = backups.find((b) => program(b.draft) === program(draft));
  if (existing) return existing.id;
  const id = `${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  return store(storage, [{ id, savedAt: now, reason, draft }, ...backups]) ? id : null;
}

export function removeBackup(storage: Store, id: string): void {
  store(
    storage,
    loadBackups(storage).filter((b) => b.id !== id),
  );
}

/** The editor state a backup holds. */
export function backupState(b: DraftBackup): EditorState {
  const { v: _v, ...state } = b.draft;
  return state;
}
