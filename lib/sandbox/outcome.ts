/**
 * The one definition of how a stage and a run turned out. The API, the debug reports, the
 * judge and the pages all ask these functions; nothing else decides "succeeded".
 */
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

/** A signal number from "SIGINT", "INT" or "2"; undefined when unknown. */
export function signalNumber(name: string | number): number | undefined {
  if (typeof name === "number") return Number.isInteger(name) && name > 0 && name < 65 ? name : undefined;
  const n = name.trim().toUpperCase();
  if (/^\d+$/.test(n)) return signalNumber(Number(n));
  const full = n.startsWith("SIG") ? n : `SIG${n}`;
  const v = os.constants.signals[full as keyof typeof os.constants.signals];
  return typeof v === "number" ? v : undefined;
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
  const timeoutKind = r?.cpuExceeded
    ? "cpu"
    : r?.idleExceeded
      ? "idle"
      : r?.timedOut || (killedWithoutReport && ctx.deadlineExceeded)
        ? "wall"
        : undefined;
  return {
    stdout: run.output.stdout,
    stderr: run.output.stderr,
    output: run.output.output,
    exitCode: r ? (r.signal ? null : r.exit) : null,
    signal: r ? (r.signal ? signalName(r.signal) : null) : killedWithoutReport ? "SIGKILL" : null,
    timedOut: timeoutKind !== undefined,
    ...(timeoutKind ? { timeoutKind } : {}),
    // SIGKILL plus an OOM event in the container (or rbrun's own cgroup counter) is the OOM killer.
    outOfMemory: Boolean(r?.oom || (ctx.containerOom && (killedWithoutReport || r?.signal === 9))),
    outputTruncated: Boolean(r?.truncated || run.output.truncated),
    wallTimeMs: run.wallMs,
    cpuTimeMs: r ? r.cpuMs : null,
    memoryBytes: r ? r.maxrssKb * 1024 : null,
  };
}

/** True when a stage ran to a clean exit 0 within every limit. */
export function stageSucceeded(stage: StageResult): boolean {
  return stage.exitCode === 0 && !stage.signal && !stage.timedOut && !stage.outOfMemory && !stage.outputTruncated;
}

/** The run's one-word outcome, limits first: they explain a kill better than its signal. */
export function runStatus(compile: StageResult | undefined | null, run: StageResult | undefined | null): RunStatus {
  if (compile && !stageSucceeded(compile)) {
    if (compile.timedOut) return "timeout";
    if (compile.outOfMemory) return "memory_limit";
    // A compiler cut off by the output cap still failed to compile: its first errors are shown.
    return "compile_error";
  }
  if (!run) return "internal_error";
  return stageStatus(run);
}

/** One stage's outcome on its own (a judge test, an interactive run). */
export function stageStatus(run: StageResult): Exclude<RunStatus, "compile_error" | "stopped" | "internal_error"> {
  if (run.timedOut) return "timeout";
  if (run.outOfMemory) return "memory_limit";
  if (run.outputTruncated) return "output_limit";
  if (run.exitCode !== 0 || run.signal) return "runtime_error";
  return "ok";
}
