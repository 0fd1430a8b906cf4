/**
 * Reports for runs a limit stopped. Each names the limit and its value, because "killed" alone
 * teaches nothing, while "ran longer than the 2 s time limit" says what to look for.
 */
import type { TimeoutKind } from "../sandbox/types";
import type { AnalyzeInput, DebugCategory } from "./types";

/** 2000 → "2 s", 1500 → "1.5 s", 800 → "800 ms". */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

/** 256 → "256 MB", 2048 → "2 GB". */
export function formatMb(mb: number): string {
  return mb >= 1024 && mb % 1024 === 0 ? `${mb / 1024} GB` : `${mb} MB`;
}

/** 64 → "64 KB", 1024 → "1 MB". */
export function formatKb(kb: number): string {
  return kb >= 1024 && kb % 1024 === 0 ? `${kb / 1024} MB` : `${kb} KB`;
}

/**
 * Signs that the program could not start a process or thread: at the pids limit fork() and
 * clone() fail with EAGAIN, which each runtime words its own way.
 */
const FORK_FAILURE =
  /fork: (?:retry: )?Resource temporarily unavailable|Cannot fork|BlockingIOError: \[Errno 11\]|unable to create (?:new )?native thread|pthread_create failed|failed to create new OS thread|spawn EAGAIN|Errno::EAGAIN|failed to spawn thread/;

/** Whether the output shows fork/thread creation failing. Lines are checked one by one. */
export function showsForkFailure(output: string): boolean {
  // Only the first lines matter: a fork bomb says so immediately; this bounds the work on huge outputs.
  const head = output.length > 256 * 1024 ? output.slice(0, 256 * 1024) : output;
  return head.split("\n").some((line) => line.length < 2000 && FORK_FAILURE.test(line));
}

export interface LimitReport {
  category: DebugCategory;
  title: string;
  /** The sentence that names the limit; the hint continues after it. */
  lead: string;
  /** Picks the hint when the limit has its own (idle, session). */
  kind?: string;
}

export function timeLimit(input: AnalyzeInput, stage: "compile" | "run", kind?: TimeoutKind): LimitReport {
  if (stage === "compile") {
    const v = formatMs(input.limits.compileTimeoutMs);
    return {
      category: "timeout",
      title: `Compile time limit exceeded (${v})`,
      lead: `Compiling took longer than the ${v} compile time limit, so it was stopped.`,
    };
  }
  const v = formatMs(input.limits.timeoutMs);
  const facts = input.input;
  if (facts?.interactive) {
    // Waiting for a person is not running: an interactive run's time limit is CPU time.
    if (kind === "idle" && facts.idleMs)
      return {
        category: "timeout",
        title: `Idle limit reached (${formatMs(facts.idleMs)})`,
        lead: `Nothing happened for ${formatMs(facts.idleMs)}: the program printed nothing and got no input, so it was stopped.`,
        kind: "idle",
      };
    if (kind === "wall" && facts.sessionMs)
      return {
        category: "timeout",
        title: `Session limit reached (${formatMs(facts.sessionMs)})`,
        lead: `The run reached the ${formatMs(facts.sessionMs)} session limit and was stopped.`,
        kind: "session",
      };
    return {
      category: "timeout",
      title: `CPU time limit exceeded (${v})`,
      lead: `The program used more CPU time than its ${v} time limit and was stopped (time spent waiting for input does not count).`,
    };
  }
  return {
    category: "timeout",
    title: `Time limit exceeded (${v})`,
    lead: `The program ran longer than the ${v} time limit and was stopped.`,
  };
}

/**
 * `refused`: the runtime reported the failed allocation itself (MemoryError, OutOfMemoryError…)
 * instead of being killed.
 */
export function memoryLimit(
  input: AnalyzeInput,
  stage: "compile" | "run",
  refused = false,
  ownLimitBytes?: number,
): LimitReport {
  if (ownLimitBytes !== undefined) {
    // PHP's memory_limit is lower than the container's and stops the script first.
    const v = formatMb(Math.round(ownLimitBytes / (1024 * 1024)));
    return {
      category: "memory",
      title: `PHP memory_limit exhausted (${v})`,
      lead: `The script needed more than PHP's own ${v} memory_limit.`,
    };
  }
  const mb = stage === "compile" ? input.limits.compileMemoryMb : input.limits.memoryMb;
  const v = formatMb(mb);
  if (stage === "compile") {
    return {
      category: "memory",
      title: `Compile memory limit exceeded (${v})`,
      lead: `The compiler needed more than the ${v} compile memory limit.`,
    };
  }
  return {
    category: "memory",
    title: `Memory limit exceeded (${v})`,
    lead:
      input.language === "java"
        ? `The program ran out of memory: the JVM gets about half of the ${v} memory limit as its heap.`
        : refused
          ? `The program asked for more memory than the ${v} memory limit allows.`
          : `The program used more than the ${v} memory limit and was stopped.`,
  };
}

export function outputLimit(input: AnalyzeInput): LimitReport {
  const v = formatKb(input.limits.outputKb);
  return {
    category: "output_limit",
    title: `Output limit exceeded (${v})`,
    lead: `The program printed more than the ${v} output limit, so it was stopped.`,
  };
}

export function processLimit(input: AnalyzeInput, alsoTimedOut: boolean): LimitReport {
  const n = input.limits.pids;
  const timed = alsoTimedOut
    ? ` It kept retrying until the ${formatMs(input.limits.timeoutMs)} time limit stopped it.`
    : "";
  return {
    category: "process_limit",
    title: `Process limit reached (${n} processes)`,
    lead: `The program tried to start more processes or threads than the ${n} it may have at once.${timed}`,
  };
}
