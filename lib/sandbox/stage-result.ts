import os from "node:os";
import type { StageRun } from "./box";
import type { RunStatus, StageResult } from "./types";

// Several names share a number (SIGIOT = SIGABRT, SIGPOLL = SIGIO); the first name wins, so
// the common ones are listed first.
const PREFERRED = ["SIGABRT", "SIGIO", "SIGCHLD", "SIGSYS"];
const SIGNAL_NAMES = new Map<number, string>();
for (const [name, num] of [
  ...PREFERRED.map((n) => [n, os.constants.signals[n as keyof typeof os.constants.signals]] as const),
  ...Object.entries(os.constants.signals),
]) {
  if (typeof num === "number" && !SIGNAL_NAMES.has(num)) SIGNAL_NAMES.set(num, name);
}

/** "SIGKILL" for 9, or "SIG<n>" for numbers this platform does not name. */
export function signalName(num: number): string {
  return SIGNAL_NAMES.get(num) ?? `SIG${num}`;
}

export interface StageContext {
  /** The server's deadline killed the container during this job. */
  deadlineExceeded: boolean;
  /** Docker saw an OOM kill in the container. */
  containerOom: boolean;
}

/** rbrun's report (or, when it could not report, what the server knows) → StageResult. */
export function toStageResult(run: StageRun, ctx: StageContext): StageResult {
  const r = run.report;
  const killedWithoutReport = !r && run.started;
  return {
    stdout: run.output.stdout,
    stderr: run.output.stderr,
    output: run.output.output,
    exitCode: r ? (r.signal ? null : r.exit) : null,
    signal: r ? (r.signal ? signalName(r.signal) : null) : killedWithoutReport ? "SIGKILL" : null,
    timedOut: Boolean(r?.timedOut || (killedWithoutReport && ctx.deadlineExceeded)),
    // SIGKILL plus an OOM event in the container (or rbrun's own cgroup counter) is the OOM killer.
    outOfMemory: Boolean(r?.oom || (ctx.containerOom && (killedWithoutReport || r?.signal === 9))),
    outputTruncated: Boolean(r?.truncated || run.output.truncated),
    wallTimeMs: run.wallMs,
    cpuTimeMs: r ? r.cpuMs : null,
    memoryBytes: r ? r.maxrssKb * 1024 : null,
  };
}

/** True when a stage ran to a clean exit 0. */
export function stageSucceeded(stage: StageResult): boolean {
  return stage.exitCode === 0 && !stage.signal && !stage.timedOut && !stage.outOfMemory && !stage.outputTruncated;
}

/** The run's one-word outcome, limits first: they explain a kill better than its signal. */
export function runStatus(compile: StageResult | undefined, run: StageResult | undefined): RunStatus {
  if (compile && !stageSucceeded(compile)) {
    if (compile.timedOut) return "timeout";
    if (compile.outOfMemory) return "memory_limit";
    return "compile_error";
  }
  if (!run) return "internal_error";
  if (run.timedOut) return "timeout";
  if (run.outOfMemory) return "memory_limit";
  if (run.outputTruncated) return "output_limit";
  if (run.exitCode !== 0 || run.signal) return "runtime_error";
  return "ok";
}
