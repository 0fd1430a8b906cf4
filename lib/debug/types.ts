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
  | "exit_code";

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
}
