import {
  formatBytes,
  formatKb,
  formatMb,
  formatMs,
  STATUS_LABEL,
  limitSentence as sentenceFor,
} from "@/lib/outcome-text";
import type { StageResult } from "@/lib/sandbox/types";
import type { TerminalFacts } from "@/lib/terminal/facts";

export { formatBytes, formatKb, formatMb, formatMs, STATUS_LABEL };

/**
 * The status a person sees. A program the interpreter could not even parse (Python, Ruby, PHP,
 * JavaScript, Bash find that only when they start it) ends as a runtime error for the engine,
 * but to a learner it is a syntax error: the label agrees with the debug report's badge.
 */
export function statusLabel(status: string, debugCategory?: string | null): string {
  if (status === "runtime_error" && debugCategory === "syntax") return "Syntax error";
  return (STATUS_LABEL as Record<string, string>)[status] ?? status;
}

/** 1 → "1st", 2 → "2nd", 3 → "3rd", 11 → "11th". */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}

/** The words the result bar shows while a run waits for a free sandbox. */
export function queueSentence(position: number): string {
  return `Waiting for a free sandbox — ${ordinal(position)} in line`;
}

export const TIME_TITLES = {
  wall: "Wall-clock time of the program itself",
  total: "From pressing Run to the result: waiting for a sandbox, starting it, compiling and running",
};

export const STATUS_TONE: Record<string, string> = {
  ok: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-100",
  running: "bg-sky-100 text-sky-900 dark:bg-sky-900/50 dark:text-sky-100",
  stopped: "bg-zinc-200 text-zinc-900 dark:bg-zinc-700 dark:text-zinc-100",
};
export const ERROR_TONE = "bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-100";

/** One sentence saying which limit stopped the run, with its value; undefined when none did. */
export function limitSentence(
  status: string,
  stage: StageResult | null | undefined,
  limits: Record<string, number>,
  compiled: boolean,
  terminal?: TerminalFacts | null,
): string | undefined {
  const inCompile = compiled && status !== "ok" && !stage;
  // The printed output fit; the files under /box/out did not (the engine's sentence says how many).
  if (status === "output_limit" && stage?.filesDropped && !stage.outputTruncated)
    return (
      stage.message ??
      `The program wrote more files under /box/out than a run may hand back: ${stage.filesDropped} left out.`
    );
  return sentenceFor(
    status,
    inCompile ? "compile" : "run",
    {
      timeoutMs: limits.timeoutMs ?? 0,
      compileTimeoutMs: limits.compileTimeoutMs ?? 0,
      memoryMb: limits.memoryMb ?? 0,
      compileMemoryMb: limits.compileMemoryMb ?? 0,
      outputKb: limits.outputKb ?? 0,
      ...(limits.cpuTimeMs !== undefined ? { cpuTimeMs: limits.cpuTimeMs } : {}),
      ...(terminal ? { interactive: true, idleMs: terminal.idleMs, sessionMs: terminal.sessionMs } : {}),
    },
    stage?.timeoutKind,
  );
}

/**
 * The first non-blank line of a text, cut to `max` characters: a history row's preview. Looks at
 * each line only up to `max` characters, so a 1 MiB line (or a 1 MiB file) costs one linear scan.
 */
export function previewLine(text: string, max = 160): string {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const line = text.slice(start, Math.min(end, start + max));
    if (line.trim()) return end - start > max ? `${line}…` : line;
    start = end + 1;
  }
  return "";
}
