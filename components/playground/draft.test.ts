import { describe, expect, it } from "vitest";
import { DRAFT_KEY, loadDraft, saveDraft } from "./draft";
import { initialState, reducer } from "./state";

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
    data,
  };
}

describe("drafts", () => {
  it("round-trips the editor state", () => {
    const storage = memoryStorage();
    let s = reducer(initialState("python"), { type: "edit", content: "print(1)" });
    s = reducer(s, { type: "stdin", value: "input" });
    saveDraft(storage, s);
    const loaded = loadDraft(storage);
    expect(loaded?.workspaces.python?.files[0]?.content).toBe("print(1)");
    expect(loaded?.stdin).toBe("input");
  });

  it("resets cleanly on an unknown version or broken JSON", () => {
    const storage = memoryStorage();
    storage.setItem(DRAFT_KEY, JSON.stringify({ v: 99, language: "python" }));
    expect(loadDraft(storage)).toBeNull();
    expect(storage.data.has(DRAFT_KEY)).toBe(false);
    storage.setItem(DRAFT_KEY, "{not json");
    expect(loadDraft(storage)).toBeNull();
    expect(storage.data.has(DRAFT_KEY)).toBe(false);
  });
});
