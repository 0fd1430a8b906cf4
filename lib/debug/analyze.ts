/**
 * One finished run → one DebugReport. Order of reasoning: a limit that stopped the run explains
 * it best (its signal is only the kill); then what the toolchain printed, read by the language's
 * parser; then the bare signal or exit code. Only a bounded part of each stream is read
 * (bounds.ts), and every step is linear in it.
 */
import type { ExecutionResult, StageResult } from "../sandbox/types";
import { boundInput, INNER_FRAMES, MAX_LOCATIONS, OUTER_FRAMES } from "./bounds";
import { hintFor } from "./hints";
import { inputReport, ranOutOfInput } from "./input-ran-out";
import {
  filesLimit,
  type LimitReport,
  memoryLimit,
  outputLimit,
  processLimit,
  showsForkFailure,
  timeLimit,
} from "./limits";
import type { Finding } from "./parsers/finding";
import { parserFor } from "./parsers/index";
import { normalSignal, signalFinding } from "./signals";
import { headline, tailMessage, tidyMessage } from "./text";
import type { AnalyzeInput, DebugFrame, DebugLocation, DebugReport } from "./types";

/** Identical consecutive frames (a recursion) kept before the rest of the run is dropped. */
const REPEATED_FRAMES = 3;

/** Outcomes that are not failures of the program. */
export const NO_REPORT = new Set(["ok", "stopped", "interrupted", "internal_error"]);

/**
 * Whether a run may get a report at all: every failure, and a run that ended "ok" after reading
 * from an input it was never given (C's scanf and C++'s cin fail silently; see input-ran-out.ts).
 */
export function mayReport(input: Pick<AnalyzeInput, "status" | "input">): boolean {
  if (!NO_REPORT.has(input.status)) return true;
  const facts = input.input;
  return input.status === "ok" && facts !== undefined && facts.readsInput && facts.ended && facts.bytes === 0;
}

function failed(stage: StageResult): boolean {
  return stage.exitCode !== 0 || stage.signal !== null || stage.timedOut || stage.outOfMemory || stage.outputTruncated;
}

/** The input analyze() takes, from the engine's result and the user's file names (entry first). */
export function inputFromResult(result: ExecutionResult, files: string[]): AnalyzeInput {
  return {
    language: result.language,
    status: result.status,
    compile: result.compile ?? null,
    run: result.run ?? null,
    files,
    limits: result.limits,
  };
}

/** Recursion leaves a thousand identical frames: keep a few of each run and both ends of the stack. */
function compactFrames(frames: DebugFrame[]): DebugFrame[] {
  const out: DebugFrame[] = [];
  let run = 0;
  for (let i = 0; i < frames.length; i++) {
    const f = frames[i] as DebugFrame;
    const prev = frames[i - 1];
    run = prev && prev.file === f.file && prev.line === f.line && prev.function === f.function ? run + 1 : 1;
    if (run <= REPEATED_FRAMES) out.push(f);
  }
  if (out.length <= OUTER_FRAMES + INNER_FRAMES) return out;
  return [...out.slice(0, OUTER_FRAMES), ...out.slice(-INNER_FRAMES)];
}

/** At most MAX_LOCATIONS; their messages are one line, without container paths, like titles. */
function tidyLocations(locations: DebugLocation[]): DebugLocation[] {
  return locations.slice(0, MAX_LOCATIONS).map((l) => (l.message ? { ...l, message: headline(l.message, 300) } : l));
}

function parse(input: AnalyzeInput, stage: "compile" | "run", result: StageResult): Finding | null {
  const parser = parserFor(input.language);
  const ctx = { files: input.files, compileOutput: input.compile?.output };
  if (stage === "compile") return parser.compile?.(result.output, ctx) ?? null;
  // Diagnostics go to stderr; stdout is the program's own output and could only mislead.
  const fromStderr = parser.run?.(result.stderr, ctx) ?? null;
  if (fromStderr || !parser.errorsOnStdout || result.stdout === "") return fromStderr;
  return parser.run?.(result.output, ctx) ?? null;
}

/** PHP's "Allowed memory size of 33554432 bytes exhausted": its own limit, in bytes. */
function phpMemoryLimit(finding: Finding | null): number | undefined {
  if (finding?.kind !== "memory_limit") return undefined;
  const bytes = /Allowed memory size of (\d+) bytes/.exec(finding.title)?.[1];
  return bytes ? Number(bytes) : undefined;
}

function fromLimit(
  limit: LimitReport,
  input: AnalyzeInput,
  stage: "compile" | "run",
  finding: Finding | null,
  message: string,
): DebugReport {
  return {
    category: limit.category,
    stage,
    title: limit.title,
    message,
    locations: tidyLocations(finding?.locations ?? []),
    frames: compactFrames(finding?.frames ?? []),
    hint: `${limit.lead} ${hintFor(limit.category, input.language, limit.kind ?? finding?.kind)}`,
  };
}

export interface AnalyzeOptions {
  /**
   * false: skip the language's parser and report only what the run's facts say (limit, signal,
   * exit code). The fallback when parsing is not possible in time.
   */
  parsers?: boolean;
}

export function analyze(raw: AnalyzeInput, options: AnalyzeOptions = {}): DebugReport | null {
  if (!mayReport(raw)) return null;
  const input = boundInput(raw);
  if (input.status === "ok") {
    // It "succeeded" on input it never got: show what it printed, and why it went wrong.
    const run = input.run;
    return run && ranOutOfInput(input, null, run.output) ? inputReport(input, null, tailMessage(run.output, 8)) : null;
  }
  const compileFailed = input.compile !== null && (failed(input.compile) || input.status === "compile_error");
  const stage = compileFailed || input.run === null ? "compile" : "run";
  const result = stage === "compile" ? input.compile : input.run;
  if (!result) return null;

  const stderrTail = tailMessage(result.stderr || result.output, 12);
  // Parsed when the report uses it: a run stopped by the output limit is not parsed at all.
  let parsed: Finding | null | undefined;
  const found = (): Finding | null => {
    if (parsed === undefined) parsed = options.parsers === false ? null : parse(input, stage, result);
    return parsed;
  };
  const foundMessage = () => {
    const f = found();
    return f ? tidyMessage(f.message) : "";
  };

  // Limits first: they are why the program stopped, whatever it printed on the way.
  const forkFailure = stage === "run" && showsForkFailure(result.output);
  if (input.status === "timeout" || result.timedOut || result.signal === "SIGXCPU") {
    if (forkFailure) return fromLimit(processLimit(input, true), input, stage, found(), stderrTail);
    return fromLimit(timeLimit(input, stage, result.timeoutKind), input, stage, found(), stderrTail);
  }
  if (input.status === "memory_limit" || result.outOfMemory) {
    return fromLimit(memoryLimit(input, stage), input, stage, found(), foundMessage() || stderrTail);
  }
  if (input.status === "output_limit" && !result.outputTruncated && result.filesDropped)
    return fromLimit(filesLimit(result), input, stage, null, tailMessage(result.output, 5));
  if (input.status === "output_limit" || result.outputTruncated) {
    // The last line was cut mid-way by the limit; the whole lines before it show what was printed.
    const whole = result.output.slice(0, result.output.lastIndexOf("\n") + 1);
    return fromLimit(outputLimit(input), input, stage, null, tailMessage(whole, 5));
  }
  if (forkFailure) {
    return fromLimit(processLimit(input, false), input, stage, found(), foundMessage() || stderrTail);
  }

  const finding = found();
  const findingMessage = foundMessage();
  if (stage === "run" && ranOutOfInput(input, finding, result.output))
    return inputReport(input, finding, findingMessage || stderrTail);
  if (finding) {
    const report: DebugReport = {
      category: finding.category,
      stage,
      title: headline(finding.title),
      message: findingMessage,
      locations: tidyLocations(finding.locations),
      frames: compactFrames(finding.frames),
      hint: hintFor(finding.category, input.language, finding.kind),
    };
    // A language's own out-of-memory error (MemoryError, OutOfMemoryError, PHP's memory_limit)
    // still deserves the limit's name and value.
    if (finding.category === "memory")
      report.hint = `${memoryLimit(input, stage, true, phpMemoryLimit(finding)).lead} ${report.hint}`;
    return report;
  }

  if (result.signal) {
    const s = signalFinding(input.language, result.signal);
    return {
      category: s.category,
      stage,
      title: s.title,
      message: stderrTail,
      locations: [],
      frames: [],
      hint: hintFor(s.category, input.language, normalSignal(s.kind)),
    };
  }
  const code = result.exitCode ?? 1;
  return {
    category: stage === "compile" ? "compile" : "exit_code",
    stage,
    title: stage === "compile" ? `Compilation failed (exit code ${code})` : `Exited with code ${code}`,
    message: stderrTail,
    locations: [],
    frames: [],
    hint: hintFor(stage === "compile" ? "compile" : "exit_code", input.language),
  };
}
