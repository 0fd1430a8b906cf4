import { describe, expect, it } from "vitest";
import { initialState, reducer, toRequest, workspace } from "./state";

const outcome = {
  status: "ok" as const,
  compile: null,
  run: null,
  limits: {},
  wallTimeMs: 1,
  debug: null,
  terminal: null,
};

describe("playground reducer", () => {
  it("keeps each language's files when switching language", () => {
    let s = initialState("python");
    s = reducer(s, { type: "edit", content: "print('mine')" });
    s = reducer(s, { type: "language", language: "go" });
    expect(workspace(s).files[0]?.name).toBe("main.go");
    expect(workspace(s).files[0]?.content).toContain("package main");
    s = reducer(s, { type: "language", language: "python" });
    expect(workspace(s).files[0]?.content).toBe("print('mine')");
  });

  it("adds, renames, reorders and deletes files, keeping the active one", () => {
    let s = initialState("python");
    s = reducer(s, { type: "add-file", name: "util.py" });
    s = reducer(s, { type: "add-file", name: "data.txt" });
    expect(workspace(s).active).toBe(2);
    s = reducer(s, { type: "move-file", from: 2, to: 0 });
    expect(workspace(s).files.map((f) => f.name)).toEqual(["data.txt", "main.py", "util.py"]);
    expect(workspace(s).active).toBe(0);
    s = reducer(s, { type: "rename-file", index: 2, name: "helpers.py" });
    s = reducer(s, { type: "delete-file", index: 0 });
    expect(workspace(s).files.map((f) => f.name)).toEqual(["main.py", "helpers.py"]);
    expect(workspace(s).active).toBe(0);
  });

  it("never deletes the last file", () => {
    const s = reducer(initialState("python"), { type: "delete-file", index: 0 });
    expect(workspace(s).files).toHaveLength(1);
  });

  it("ignores events of an older run", () => {
    let s = initialState("python");
    s = reducer(s, { type: "run-requested", seq: 1 });
    s = reducer(s, { type: "run-started", seq: 1, id: "a" });
    s = reducer(s, { type: "run-requested", seq: 2 });
    s = reducer(s, { type: "run-output", seq: 1, chunk: { stage: "run", stream: "stdout", text: "old" } });
    s = reducer(s, { type: "run-finished", seq: 1, outcome });
    expect(s.run).toEqual({ seq: 2, phase: "starting", chunks: [] });
    s = reducer(s, { type: "run-output", seq: 2, chunk: { stage: "run", stream: "stdout", text: "a" } });
    s = reducer(s, { type: "run-output", seq: 2, chunk: { stage: "run", stream: "stdout", text: "b" } });
    s = reducer(s, { type: "run-output", seq: 2, chunk: { stage: "run", stream: "stderr", text: "c" } });
    expect(s.run.chunks.map((c) => c.text)).toEqual(["ab", "c"]);
  });

  it("keeps a terminal run's transcript as finished text plus the line being edited, and replays from scratch", () => {
    let s = reducer(initialState("python"), { type: "run-requested", seq: 1 });
    s = reducer(s, { type: "run-started", seq: 1, id: "a", terminal: true });
    expect(s.run.terminal).toBe(true);
    const out = (text: string, tail: string) =>
      ({ type: "run-output", seq: 1, chunk: { stage: "run", stream: "stdout", text }, tail }) as const;
    s = reducer(s, out("", "Name? "));
    s = reducer(s, out("Name? Ana\n", "Hello"));
    expect([s.run.chunks.map((c) => c.text), s.run.tail]).toEqual([["Name? Ana\n"], "Hello"]);
    s = reducer(s, { type: "run-replay", seq: 1 });
    expect([s.run.chunks, s.run.tail]).toEqual([[], undefined]);
  });

  it("builds the request: one argument per line, KEY=VALUE env", () => {
    let s = initialState("python");
    s = reducer(s, { type: "args", value: "one\ntwo words" });
    s = reducer(s, { type: "env", value: "A=1\nB=x=y\nbad line" });
    s = reducer(s, { type: "limit", key: "timeoutMs", value: 2000 });
    expect(toRequest(s)).toMatchObject({
      args: ["one", "two words"],
      env: { A: "1", B: "x=y" },
      limits: { timeoutMs: 2000 },
    });
    s = reducer(s, { type: "limit", key: "timeoutMs", value: undefined });
    expect(toRequest(s).limits).toEqual({});
  });

  it("shows the place in line until the run starts, and ignores an older run's queue events", () => {
    let s = reducer(initialState("python"), { type: "run-requested", seq: 1 });
    s = reducer(s, { type: "run-started", seq: 1, id: "r1" });
    s = reducer(s, { type: "run-queued", seq: 1, position: 3 });
    expect(s.run.queued).toBe(3);
    s = reducer(s, { type: "run-queued", seq: 0, position: 9 });
    expect(s.run.queued).toBe(3);
    s = reducer(s, { type: "run-stage", seq: 1 });
    expect(s.run.queued).toBeUndefined();
    s = reducer(s, { type: "run-queued", seq: 1, position: 1 });
    s = reducer(s, { type: "run-finished", seq: 1, outcome });
    expect(s.run.queued).toBeUndefined();
  });
});
