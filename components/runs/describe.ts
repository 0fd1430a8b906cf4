import type { StageResult } from "@/lib/sandbox/types";
import type { TerminalFacts } from "@/lib/terminal/facts";

export const STATUS_LABEL: Record<string, string> = {
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

export const STATUS_TONE: Record<string, string> = {
  ok: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-100",
  running: "bg-sky-100 text-sky-900 dark:bg-sky-900/50 dark:text-sky-100",
  stopped: "bg-zinc-200 text-zinc-900 dark:bg-zinc-700 dark:text-zinc-100",
};
export const ERROR_TONE = "bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-100";

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return "–";
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "–";
  if (ms < 1000) return `${ms} ms`;
  if (ms >= 120_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(2)} s`;
}

/** One sentence saying which limit stopped the run, with its value; undefined when none did. */
export function limitSentence(
  status: string,
  stage: StageResult | null | undefined,
  limits: Record<string, number>,
  compiled: boolean,
  terminal?: TerminalFacts | null,
): string | undefined {
  const inCompile = compiled && status !== "ok" && !stage;
  switch (status) {
    case "timeout":
      if (inCompile)
        return `Compilation took longer than the ${formatMs(limits.compileTimeoutMs)} compile time limit and was stopped.`;
      // An interactive run is not timed while it waits for a person: three clocks, three sentences.
      if (terminal && stage?.timeoutKind === "idle")
        return `Nothing happened for ${formatMs(terminal.idleMs)} (no output, no input), so the program was stopped: that is the idle limit.`;
      if (terminal && stage?.timeoutKind === "wall")
        return `The run reached the ${formatMs(terminal.sessionMs)} session limit and was stopped.`;
      if (terminal)
        return `The program used more CPU time than its ${formatMs(limits.timeoutMs)} time limit and was stopped (waiting for input does not count).`;
      return `The program ran longer than the ${formatMs(limits.timeoutMs)} time limit and was stopped.`;
    case "memory_limit":
      return inCompile
        ? `Compilation needed more than the ${limits.compileMemoryMb} MiB compile memory limit.`
        : `The program used more than the ${limits.memoryMb} MiB memory limit and was stopped.`;
    case "output_limit":
      return `The program wrote more than the ${limits.outputKb} KiB output limit, so it was stopped and its output cut.`;
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
