/**
 * The one place a run's outcome is put into words: status names, units and the sentence that
 * names the limit that stopped a run. The result bar, history, run pages and debug reports all
 * use these, so the same screen never says "1.50 s" beside "1.5 s" or "MiB" beside "MB".
 */
import { RUN_STATUSES, type RunStatus, type TimeoutKind } from "./sandbox/types";

/** Every status a stored run can have: the engine's, plus "running" and "interrupted" (a restart). */
export const STORED_STATUSES = [...RUN_STATUSES, "running", "interrupted"] as const;
export type StoredStatus = (typeof STORED_STATUSES)[number];

export const STATUS_LABEL: Record<StoredStatus, string> = {
  ok: "OK",
  runtime_error: "Runtime error",
  compile_error: "Compile error",
  timeout: "Time limit",
  memory_limit: "Memory limit",
  output_limit: "Output limit",
  internal_error: "Internal error",
  stopped: "Stopped",
  interrupted: "Interrupted",
  running: "Running",
};

export const isStoredStatus = (s: string): s is StoredStatus => (STORED_STATUSES as readonly string[]).includes(s);

/** 800 → "800 ms", 2000 → "2 s", 1500 → "1.5 s", 1234 → "1.23 s", 600000 → "10 min". */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "–";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms >= 120_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
  return `${Number((ms / 1000).toFixed(2))} s`;
}

/** A configured memory limit (in MB): 256 → "256 MB", 2048 → "2 GB". */
export function formatMb(mb: number): string {
  return mb >= 1024 && mb % 1024 === 0 ? `${mb / 1024} GB` : `${mb} MB`;
}

/** A configured output limit (in KB): 64 → "64 KB", 1024 → "1 MB". */
export function formatKb(kb: number): string {
  return kb >= 1024 && kb % 1024 === 0 ? `${kb / 1024} MB` : `${kb} KB`;
}

/** A measured size, in the same units as the limits (1 MB = 1024 KB): 1536 → "1.5 KB". */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return "–";
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
}

/** The limits a sentence may name (a run's resolved limits, plus interactive ones when it had them). */
export interface LimitValues {
  timeoutMs: number;
  compileTimeoutMs: number;
  memoryMb: number;
  compileMemoryMb: number;
  outputKb: number;
  cpuTimeMs?: number;
  /** An interactive run (a terminal, the WebSocket APIs): its time limit is CPU time. */
  interactive?: boolean;
  idleMs?: number;
  sessionMs?: number;
}

/**
 * One sentence naming the limit that stopped a stage, with its value; undefined when no limit
 * did. `stage` says which stage hit it; `timeoutKind` which clock (wall, CPU, idle).
 */
export function limitSentence(
  status: RunStatus | StoredStatus | string,
  stage: "compile" | "run",
  limits: LimitValues,
  timeoutKind?: TimeoutKind,
): string | undefined {
  switch (status) {
    case "timeout":
      if (stage === "compile")
        return `Compiling took longer than the ${formatMs(limits.compileTimeoutMs)} compile time limit, so it was stopped.`;
      if (timeoutKind === "idle")
        return `Nothing happened for ${formatMs(limits.idleMs ?? 0)} (no output and no input), so the program was stopped: that is the idle limit.`;
      if (limits.interactive && timeoutKind === "wall")
        return `The run reached the ${formatMs(limits.sessionMs ?? 0)} session limit and was stopped.`;
      // Waiting for a person is not running: an interactive run's time limit is CPU time.
      if (limits.interactive)
        return `The program used more CPU time than its ${formatMs(limits.timeoutMs)} time limit and was stopped (waiting for input does not count).`;
      if (timeoutKind === "cpu")
        return `The program used more than ${formatMs(limits.cpuTimeMs ?? limits.timeoutMs)} of CPU time and was stopped.`;
      return `The program ran longer than the ${formatMs(limits.timeoutMs)} time limit and was stopped.`;
    case "memory_limit":
      return stage === "compile"
        ? `The compiler needed more than the ${formatMb(limits.compileMemoryMb)} compile memory limit.`
        : `The program used more than the ${formatMb(limits.memoryMb)} memory limit and was stopped.`;
    case "output_limit":
      return `The program printed more than the ${formatKb(limits.outputKb)} output limit, so it was stopped.`;
    case "stopped":
      return "You stopped this run.";
    case "interrupted":
      return "The server restarted while this run was in progress.";
    case "internal_error":
      return "Runbox could not finish this run. This is our fault, not your program's; try again.";
    default:
      return undefined;
  }
}
