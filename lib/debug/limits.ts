/**
 * Reports for runs a limit stopped. Each names the limit and its value, because "killed" alone
 * teaches nothing, while "ran longer than the 2 s time limit" says what to look for.
 */
import { formatKb, formatMb, formatMs, type LimitValues, limitSentence } from "../outcome-text";
import type { StageResult, TimeoutKind } from "../sandbox/types";
import type { AnalyzeInput, DebugCategory } from "./types";

export { formatKb, formatMb, formatMs } from "../outcome-text";

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
    return {
      category: "timeout",
      title: `Compile time limit exceeded (${formatMs(input.limits.compileTimeoutMs)})`,
      lead: limitSentence("timeout", "compile", input.limits) ?? "",
    };
  }
  const facts = input.input;
  const limits: LimitValues = {
    ...input.limits,
    ...(facts?.interactive ? { interactive: true, idleMs: facts.idleMs ?? 0, sessionMs: facts.sessionMs ?? 0 } : {}),
  };
  const lead = limitSentence("timeout", "run", limits, kind) ?? "";
  const v = formatMs(input.limits.timeoutMs);
  if (kind === "idle")
    return { category: "timeout", title: `Idle limit reached (${formatMs(limits.idleMs)})`, lead, kind: "idle" };
  if (facts?.interactive && kind === "wall")
    return {
      category: "timeout",
      title: `Session limit reached (${formatMs(limits.sessionMs)})`,
      lead,
      kind: "session",
    };
  if (facts?.interactive || kind === "cpu")
    return { category: "timeout", title: `CPU time limit exceeded (${v})`, lead };
  return { category: "timeout", title: `Time limit exceeded (${v})`, lead };
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
      lead: limitSentence("memory_limit", "compile", input.limits) ?? "",
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
          : (limitSentence("memory_limit", "run", input.limits) ?? ""),
  };
}

export function outputLimit(input: AnalyzeInput): LimitReport {
  const v = formatKb(input.limits.outputKb);
  return {
    category: "output_limit",
    title: `Output limit exceeded (${v})`,
    lead: limitSentence("output_limit", "run", input.limits) ?? "",
  };
}

/**
 * The printed output fit, but the program wrote more files under /box/out than a run may hand
 * back: the engine's own sentence (its `message`) says how many were kept and left out.
 */
export function filesLimit(run: StageResult): LimitReport {
  const dropped = run.filesDropped ?? 0;
  return {
    category: "output_limit",
    title: `Too many output files (${dropped} left out)`,
    lead: run.message ?? `The program wrote more files under /box/out than a run may hand back: ${dropped} left out.`,
    kind: "files",
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
