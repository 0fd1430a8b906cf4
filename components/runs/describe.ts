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
