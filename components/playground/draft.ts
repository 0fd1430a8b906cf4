import { z } from "zod";
import type { PlaygroundState } from "./state";

export const DRAFT_KEY = "runbox:draft";

/** The autosaved editor state. Versioned: a draft of another version is dropped, not guessed at. */
export const Draft = z.object({
  v: z.literal(1),
  language: z.string().min(1),
  workspaces: z.record(
    z.string(),
    z.object({
      files: z.array(z.object({ name: z.string(), content: z.string() })).min(1),
      active: z.number().int().min(0),
    }),
  ),
  stdin: z.string(),
  args: z.string(),
  env: z.string(),
  limits: z.record(z.string(), z.number()),
  network: z.boolean().default(false),
});
export type Draft = z.infer<typeof Draft>;

/** The saved draft, or null when there is none or it cannot be used (then it is removed). */
export function loadDraft(storage: Pick<Storage, "getItem" | "removeItem">): Omit<PlaygroundState, "run"> | null {
  const raw = storage.getItem(DRAFT_KEY);
  if (!raw) return null;
  try {
    const parsed = Draft.safeParse(JSON.parse(raw));
    if (parsed.success) {
      const { v: _v, ...state } = parsed.data;
      if (!state.workspaces[state.language]) return null;
      return state;
    }
  } catch {
    // not JSON: fall through and drop it
  }
  storage.removeItem(DRAFT_KEY);
  return null;
}

/** The persisted form of an editor state. */
export function toDraft(state: Omit<PlaygroundState, "run">): Draft {
  return {
    v: 1,
    language: state.language,
    workspaces: state.workspaces,
    stdin: state.stdin,
    args: state.args,
    env: state.env,
    limits: state.limits,
    network: state.network,
  };
}

export function saveDraft(storage: Pick<Storage, "setItem">, state: PlaygroundState): void {
  const draft = toDraft(state);
  try {
    storage.setItem(DRAFT_KEY, JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the draft is a convenience, the editor keeps working.
  }
}
