/**
 * The long texts of a stored run that pages show in chunks: compile output, run output, stdin
 * and each source file. Reads only the RunRecord / share snapshot shapes (StageResult), never
 * the storage format.
 */
import type { DebugReport } from "../debug/types";
import { withoutFileContents } from "../output-files";
import type { StageResult } from "../sandbox/types";
import type { TerminalFacts } from "../terminal/facts";
import { type ChunkLimits, CODE_CHUNK, OUTPUT_CHUNK, STDIN_CHUNK } from "./text-chunks";

/** What every stored-run page starts from: a RunRecord or a share snapshot. */
export interface StoredRun {
  language: string;
  version: string;
  files: { name?: string; content: string }[];
  stdin: string;
  args: string[];
  status: string;
  limits: Record<string, number>;
  compile: StageResult | null;
  run: StageResult | null;
  debug?: DebugReport | null;
  wallTimeMs?: number | null;
  /** An interactive run: its run output is the terminal transcript. */
  terminal?: TerminalFacts | null;
}

export type PartName = "compile" | "run" | "stdin" | `file-${number}`;

export interface Part {
  name: PartName;
  text: string;
  limits: ChunkLimits;
  /** Output parts: which stage and how to tint it (stderr-only output is tinted as stderr). */
  stage?: "compile" | "run";
  stream?: "stdout" | "stderr";
  /** File parts: the file's name (for the tab and a download's file name). */
  fileName?: string;
}

/** Part names as they appear in URLs: compile, run, stdin, file-0 … file-31. */
export const PART_NAME = /^(compile|run|stdin|file-(0|[1-9]\d?))$/;

/** The output parts of a run, compile first. The run shows stdout alone, stderr alone, or both interleaved. */
export function outputParts(compile: StageResult | null, run: StageResult | null): Part[] {
  const parts: Part[] = [];
  if (compile?.output)
    parts.push({ name: "compile", text: compile.output, limits: OUTPUT_CHUNK, stage: "compile", stream: "stderr" });
  if (run) {
    const [text, stream] = !run.stderr
      ? [run.stdout, "stdout" as const]
      : !run.stdout
        ? [run.stderr, "stderr" as const]
        : [run.output, "stdout" as const];
    if (text) parts.push({ name: "run", text, limits: OUTPUT_CHUNK, stage: "run", stream });
  }
  return parts;
}

/** Every part of a run, in page order: files, stdin, outputs. */
export function partsOf(run: StoredRun, defaultFile?: string): Part[] {
  const files = run.files.map(
    (f, i): Part => ({
      name: `file-${i}`,
      text: f.content,
      limits: CODE_CHUNK,
      fileName: f.name ?? (i === 0 && defaultFile ? defaultFile : `file${i}`),
    }),
  );
  const stdin: Part[] = run.stdin ? [{ name: "stdin", text: run.stdin, limits: STDIN_CHUNK }] : [];
  return [...files, ...stdin, ...outputParts(run.compile, run.run)];
}

/**
 * A StageResult without its texts and its output files' bytes: what the result bar and the
 * gallery need, and nothing the page must not send in full.
 */
export function stageSummary(stage: StageResult | null): StageResult | null {
  return stage && withoutFileContents({ ...stage, stdout: "", stderr: "", output: "" });
}
