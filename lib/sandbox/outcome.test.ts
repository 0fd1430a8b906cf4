import { describe, expect, it } from "vitest";
import type { StageRun } from "./box";
import { runStatus, stageSucceeded, toStageResult } from "./outcome";
import { StageOutput } from "./output";

const report = (over: Partial<NonNullable<StageRun["report"]>> = {}) => ({
  exit: 0,
  signal: 0,
  wallMs: 5,
  cpuMs: 1,
  maxrssKb: 100,
  timedOut: false,
  cpuExceeded: false,
  idleExceeded: false,
  truncated: false,
  oom: false,
  files: 0,
  filesDropped: 0,
  artifactsDropped: 0,
  ...over,
});
const run = (r?: ReturnType<typeof report>, started = true): StageRun => ({
  output: new StageOutput(1024),
  report: r,
  started,
  wallMs: 7,
  files: [],
  artifacts: [],
});
const ctx = { deadlineExceeded: false, containerOom: false };

describe("toStageResult: one definition of how a stage ended", () => {
  it("classifies SIGKILL with an OOM event in the container as out of memory", () => {
    const killed = toStageResult(run(report({ exit: -1, signal: 9 })), { ...ctx, containerOom: true });
    expect(killed).toMatchObject({ outOfMemory: true, signal: "SIGKILL", exitCode: null });
    expect(runStatus(undefined, killed)).toBe("memory_limit");
    // The same kill without an OOM event is a plain signal.
    expect(runStatus(undefined, toStageResult(run(report({ exit: -1, signal: 9 })), ctx))).toBe("runtime_error");
  });

  it("names which clock stopped a stage", () => {
    expect(toStageResult(run(report({ cpuExceeded: true, signal: 9 })), ctx).timeoutKind).toBe("cpu");
    expect(toStageResult(run(report({ idleExceeded: true, signal: 9 })), ctx).timeoutKind).toBe("idle");
    expect(toStageResult(run(report({ timedOut: true, signal: 9 })), ctx).timeoutKind).toBe("wall");
    // Killed by the server's deadline before rbrun could report: a wall-clock timeout.
    expect(toStageResult(run(undefined), { ...ctx, deadlineExceeded: true })).toMatchObject({
      timedOut: true,
      timeoutKind: "wall",
      signal: "SIGKILL",
    });
  });

  it("counts only a clean exit within every limit as success", () => {
    expect(stageSucceeded(toStageResult(run(report()), ctx))).toBe(true);
    for (const bad of [{ exit: 1 }, { truncated: true }, { oom: true }, { timedOut: true }, { signal: 11 }]) {
      expect(stageSucceeded(toStageResult(run(report(bad)), ctx)), JSON.stringify(bad)).toBe(false);
    }
  });
});
