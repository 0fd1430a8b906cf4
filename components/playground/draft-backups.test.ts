import { describe, expect, it } from "vitest";
import {
  BACKUPS_KEY,
  backupState,
  isUntouched,
  loadBackups,
  MAX_BACKUPS,
  pushBackup,
  removeBackup,
  sameProgram,
} from "./draft-backups";
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

const withCode = (code: string) => reducer(initialState("python"), { type: "edit", content: code });

describe("draft backups", () => {
  it("keeps a replaced draft, newest first, and gives it back whole", () => {
    const storage = memoryStorage();
    const a = reducer(withCode("print('a')"), { type: "stdin", value: "input a" });
    const idA = pushBackup(storage, a, "set aside", 1000);
    const idB = pushBackup(storage, withCode("print('b')"), "set aside", 2000);
    const kept = loadBackups(storage);
    expect(kept.map((b) => b.id)).toEqual([idB, idA]);
    const back = backupState(kept[1] as (typeof kept)[number]);
    expect(back.workspaces.python?.files[0]?.content).toBe("print('a')");
    expect(back.stdin).toBe("input a");
    removeBackup(storage, idB as string);
    expect(loadBackups(storage).map((b) => b.id)).toEqual([idA]);
  });

  it("keeps one copy of the same program and at most MAX_BACKUPS", () => {
    const storage = memoryStorage();
    const first = pushBackup(storage, withCode("same"), "x", 1);
    expect(pushBackup(storage, withCode("same"), "x", 2)).toBe(first);
    for (let i = 0; i < MAX_BACKUPS + 5; i++) pushBackup(storage, withCode(`print(${i})`), "x", 10 + i);
    const kept = loadBackups(storage);
    expect(kept).toHaveLength(MAX_BACKUPS);
    expect(kept[0]?.draft.workspaces.python?.files[0]?.content).toBe(`print(${MAX_BACKUPS + 4})`);
  });

  it("drops a list of another version or broken JSON instead of guessing", () => {
    const storage = memoryStorage();
    storage.setItem(BACKUPS_KEY, JSON.stringify({ v: 2, backups: [] }));
    expect(loadBackups(storage)).toEqual([]);
    storage.setItem(BACKUPS_KEY, "{not json");
    expect(loadBackups(storage)).toEqual([]);
  });

  it("a storage that refuses the write is reported, so the caller can keep the old draft", () => {
    const storage = {
      ...memoryStorage(),
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    expect(pushBackup(storage, withCode("print(1)"), "x")).toBeNull();
  });

  it("knows an untouched starter from typed code, and the same program from another", () => {
    expect(isUntouched(initialState("python"))).toBe(true);
    expect(isUntouched(withCode("print(1)"))).toBe(false);
    expect(isUntouched(reducer(initialState("python"), { type: "stdin", value: "x" }))).toBe(false);
    expect(sameProgram(withCode("print(1)"), withCode("print(1)"))).toBe(true);
    expect(sameProgram(withCode("print(1)"), withCode("print(2)"))).toBe(false);
  });
});
