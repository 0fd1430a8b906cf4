import type { Limits } from "./limits";

export type StageName = "compile" | "run";
export type StreamName = "stdout" | "stderr";

/** Which clock stopped a stage: wall-clock time, CPU time, or (interactive) no input or output. */
export type TimeoutKind = "wall" | "cpu" | "idle";

/** A file the program wrote under /box/out, returned with the result. */
export interface OutputFile {
  name: string;
  size: number;
  /** Sniffed from the bytes, never taken from the name. */
  type: string;
  /** base64 */
  content: string;
}

/** What one stage (compile or run) of a program did. */
export interface StageResult {
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved in the order they were read. */
  output: string;
  /** null when a signal ended the process. */
  exitCode: number | null;
  /** e.g. "SIGKILL"; null when the process exited by itself. */
  signal: string | null;
  timedOut: boolean;
  /** Present when timedOut: which limit it was. */
  timeoutKind?: TimeoutKind;
  outOfMemory: boolean;
  outputTruncated: boolean;
  wallTimeMs: number;
  cpuTimeMs: number | null;
  /** Peak resident memory of the stage's process tree, in bytes. */
  memoryBytes: number | null;
  /** Why the engine stopped or never started the stage, when the fields above do not say it. */
  message?: string;
  /** Files the program wrote under /box/out (when the caller asked for them), capped. */
  files?: OutputFile[];
  /** Files under /box/out left out because they passed the caps (count or total size). */
  filesDropped?: number;
}

/** Every status a run can end with, in one place (the database also stores "running" and "interrupted"). */
export const RUN_STATUSES = [
  "ok",
  "runtime_error",
  "compile_error",
  "timeout",
  "memory_limit",
  "output_limit",
  "internal_error",
  "stopped",
] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export interface ExecutionResult {
  language: string;
  version: string;
  status: RunStatus;
  limits: Limits;
  compile?: StageResult;
  /** Absent when compilation failed. */
  run?: StageResult;
  /** Total time from request to answer, queueing included. */
  wallTimeMs: number;
}

/** Streamed while a program runs; the final result still comes from execute(). */
export type ExecutionEvent =
  | { type: "queued"; position: number }
  | { type: "stage"; stage: StageName }
  | { type: "output"; stage: StageName; stream: StreamName; text: string }
  | { type: "stage-end"; stage: StageName; result: StageResult };
