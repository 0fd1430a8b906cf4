/**
 * What a page sends for one stored run: everything small in full, every long text as its first
 * chunk. Whatever was stored, the page stays within a fixed budget; the rest is loaded on demand
 * from `endpoint` (see the chunk routes).
 */
import type { AnsiStyle } from "../ansi";
import type { DebugReport } from "../debug/types";
import { type OutputFileInfo, outputFilesOf } from "../output-files";
import type { StageResult } from "../sandbox/types";
import type { TerminalFacts } from "../terminal/facts";
import type { PreparedRun } from "./prepared-run";
import type { PartName } from "./run-parts";

/** Rendered weight of all source files together in the first response (the first file always gets one chunk). */
export const CODE_BUDGET = 128 * 1024;
/** Arguments are short by construction (64 × 4 KiB at most), but the page shows only this much of them. */
const ARGS_DISPLAY = 4096;
/** A compiler can report thousands of errors; the page lists this many locations. */
const MAX_LOCATIONS = 50;

export interface TextPreview {
  part: PartName;
  /** The first chunk ("" for a file left to load when its tab is opened). */
  text: string;
  /** Where the next chunk starts (0 when nothing is loaded yet); null when `text` is everything. */
  next: number | null;
  total: number;
  style: AnsiStyle;
}

export interface OutputPreview extends TextPreview {
  stage: "compile" | "run";
  stream: "stdout" | "stderr";
}

export interface RunViewModel {
  id: string;
  language: string;
  version: string;
  status: string;
  limits: Record<string, number>;
  /** Stage results without their texts. */
  compile: StageResult | null;
  run: StageResult | null;
  wallTimeMs: number | null;
  debug: DebugReport | null;
  /** An interactive run's limits and input; its run output is the transcript. */
  terminal: TerminalFacts | null;
  files: { name: string; preview: TextPreview }[];
  stdin: TextPreview | null;
  /** The arguments as one line of JSON strings, cut to a few KiB. */
  args: string;
  outputs: OutputPreview[];
  /** Chunk route for this run: `${endpoint}?part=run&offset=N`, `…&download=1`. */
  endpoint: string;
  /** Files the program wrote under /box/out (names, sizes, types; never their bytes). */
  outputFiles: OutputFileInfo[];
  /** Files left out because they passed the caps. */
  filesDropped: number;
  /** File route for this run: `${filesEndpoint}/<index>`, `…?download=1`. */
  filesEndpoint: string;
}

function boundedDebug(debug: DebugReport | null | undefined): DebugReport | null {
  if (!debug) return null;
  return debug.locations.length > MAX_LOCATIONS
    ? { ...debug, locations: debug.locations.slice(0, MAX_LOCATIONS) }
    : debug;
}

export function runViewModel(prepared: PreparedRun, id: string, endpoint: string, filesEndpoint: string): RunViewModel {
  const m = prepared.meta;
  const produced = outputFilesOf(m.run);
  let codeWeight = 0;
  const files: RunViewModel["files"] = [];
  const outputs: OutputPreview[] = [];
  let stdin: TextPreview | null = null;
  for (const part of prepared.parts) {
    const { weight, ...first } = prepared.first(part);
    const preview: TextPreview = { part: part.name, text: first.text, next: first.next, total: first.total, style: {} };
    if (part.fileName !== undefined) {
      const fits = files.length === 0 || codeWeight + weight <= CODE_BUDGET;
      if (fits) codeWeight += weight;
      files.push({
        name: part.fileName,
        preview: fits ? preview : { ...preview, text: "", next: part.text.length > 0 ? 0 : null },
      });
    } else if (part.name === "stdin") stdin = preview;
    else if (part.stage && part.stream) outputs.push({ ...preview, stage: part.stage, stream: part.stream });
  }
  const args = m.args.map((a) => JSON.stringify(a)).join(" ");
  return {
    id,
    language: m.language,
    version: m.version,
    status: m.status,
    limits: m.limits,
    compile: m.compile,
    run: m.run,
    wallTimeMs: m.wallTimeMs ?? null,
    debug: boundedDebug(m.debug),
    terminal: m.terminal ?? null,
    files,
    stdin,
    args: args.length > ARGS_DISPLAY ? `${args.slice(0, ARGS_DISPLAY)}…` : args,
    outputs,
    endpoint,
    outputFiles: produced.files,
    filesDropped: produced.dropped,
    filesEndpoint,
  };
}
