"use client";

import { type Dispatch, useEffect, useRef, useState } from "react";
import { loadDraft, saveDraft } from "./draft";
import {
  backupState,
  type DraftBackup,
  isUntouched,
  loadBackups,
  pushBackup,
  removeBackup,
  sameProgram,
} from "./draft-backups";
import type { SeedKind } from "./draft-notice";
import type { Action, PlaygroundState } from "./state";

type EditorState = Omit<PlaygroundState, "run">;

const REASON: Record<SeedKind, string> = {
  fork: "set aside when a shared program was opened",
  run: "set aside when a run was opened",
};

/**
 * The editor's starting point and autosave. A seed (a fork, "Open in editor", "Run again")
 * replaces what was in the editor, so that code is first set aside as a backup, with a notice
 * and a way back; nothing a person typed is lost. Without a seed the saved draft is restored.
 */
export function useSeedOrDraft(opts: {
  state: PlaygroundState;
  dispatch: Dispatch<Action>;
  seed?: EditorState;
  seedKind?: SeedKind;
  knownLanguage: (id: string) => boolean;
  onSeeded: () => void;
}) {
  const { state, dispatch, seed, seedKind = "fork", knownLanguage, onSeeded } = opts;
  const loaded = useRef(false);
  const [notice, setNotice] = useState<{ kind: SeedKind; previous: EditorState | null; backupId: string | null }>();
  const [backups, setBackups] = useState<DraftBackup[]>([]);
  // Storage refused the backup: the old draft stays the saved one until the person decides.
  const holdAutosave = useRef(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: once, after hydration (localStorage exists only then)
  useEffect(() => {
    if (loaded.current) return;
    loaded.current = true;
    const draft = loadDraft(localStorage);
    if (seed) {
      window.history.replaceState(null, "", "/");
      const previous = draft && !isUntouched(draft) && !sameProgram(draft, seed) ? draft : null;
      const backupId = previous ? pushBackup(localStorage, previous, REASON[seedKind]) : null;
      if (previous && !backupId) holdAutosave.current = true;
      setNotice({ kind: seedKind, previous, backupId });
      setBackups(loadBackups(localStorage));
      onSeeded();
      return;
    }
    if (draft && knownLanguage(draft.language)) dispatch({ type: "load", state: draft });
    setBackups(loadBackups(localStorage));
  }, []);

  useEffect(() => {
    if (loaded.current && !holdAutosave.current) saveDraft(localStorage, state);
  }, [state]);

  /** Replace the editor with `next`, setting the current code aside first (unless it is untouched). */
  const replaceWith = (next: EditorState, used?: string | null) => {
    if (!isUntouched(state) && !sameProgram(state, next))
      pushBackup(localStorage, state, "set aside when an earlier draft was restored");
    if (used) removeBackup(localStorage, used);
    holdAutosave.current = false;
    dispatch({ type: "load", state: next });
    setBackups(loadBackups(localStorage));
    setNotice(undefined);
  };

  return {
    notice,
    backups,
    restorePrevious: () => notice?.previous && replaceWith(notice.previous, notice.backupId),
    restoreBackup: (id: string) => {
      const b = loadBackups(localStorage).find((x) => x.id === id);
      if (b && knownLanguage(b.draft.language)) replaceWith(backupState(b), id);
    },
    dismiss: () => {
      holdAutosave.current = false;
      setNotice(undefined);
    },
  };
}
