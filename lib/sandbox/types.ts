import type { Limits } from "./limits";

export type StageName = "compile" | "run";
export type StreamName = "stdout" | "stderr";

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
  outOfMemory: boolean;
  outputTruncated: boolean;
  wallTimeMs: number;
  cpuTimeMs: number | null;
  /** Peak resident memory of the stage's process tree, in bytes. */
  memoryBytes: number | null;
}

export type RunStatus =
  | "ok"
  | "runtime_error"
  | "compile_error"
  | "timeout"
  | "memory_limit"
  | "output_limit"
  | "internal_error"
  /** The caller aborted (the Stop button). */
  | "stopped";

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
  | { type: "stage"; stage: StageName }
  | { type: "output"; stage: StageName; stream: StreamName; text: string }
  | { type: "stage-end"; stage: StageName; result: StageResult };
