import type { StageResult } from "../sandbox/types";

export type DebugCategory =
  | "syntax"
  | "name"
  | "type"
  | "null_reference"
  | "index"
  | "zero_division"
  | "import"
  | "recursion"
  | "assertion"
  | "command_not_found"
  | "undefined_function"
  | "compile"
  | "timeout"
  | "memory"
  | "output_limit"
  | "process_limit"
  | "signal"
  | "exit_code"
  /** The program read past the end of its input. */
  | "input";

export interface DebugLocation {
  file: string;
  line: number;
  column?: number;
  message?: string;
}

export interface DebugFrame {
  file: string;
  line: number;
  column?: number;
  function?: string;
}

export interface DebugReport {
  category: DebugCategory;
  stage: "compile" | "run";
  /** Short headline, e.g. "NameError: name 'x' is not defined" or "Time limit exceeded". */
  title: string;
  /** The program's own message, cleaned of noise (no container paths, no ANSI). */
  message: string;
  /** User's own files first, paths as the user named them; each compile error its own entry. */
  locations: DebugLocation[];
  /** User-relevant stack frames only, outermost first and innermost (where it failed) last. */
  frames: DebugFrame[];
  /** 2–3 sentences for a learner: what usually causes this and how to fix it. */
  hint: string;
}

/** What a run's input was: how much, whether it ended, whether the program reads any at all. */
export interface InputFacts {
  /** Input arrived while it ran (a terminal or a WebSocket), not only from the Input box or `stdin`. */
  interactive: boolean;
  /** Bytes of input the program was given (the Input box's text included; Ctrl-C and Ctrl-D not counted). */
  bytes: number;
  /** The input ended: always for a batch run; Ctrl-D or an end-of-input message for an interactive one. */
  ended: boolean;
  /** The source reads standard input (input(), scanf, Scanner…); see reads-input.ts. */
  readsInput: boolean;
  /** An interactive run's idle and session limits, for reports of runs they stopped. */
  idleMs?: number;
  sessionMs?: number;
}

export interface AnalyzeInput {
  /** Engine id, e.g. "c++". */
  language: string;
  /** ok | runtime_error | compile_error | timeout | memory_limit | output_limit | internal_error | stopped | interrupted */
  status: string;
  compile: StageResult | null;
  run: StageResult | null;
  /** The user's file names, entry first. */
  files: string[];
  limits: {
    timeoutMs: number;
    compileTimeoutMs: number;
    memoryMb: number;
    compileMemoryMb: number;
    pids: number;
    outputKb: number;
  };
  /** Absent: nothing is known about the input (no "ran out of input" finding then). */
  input?: InputFacts;
}
