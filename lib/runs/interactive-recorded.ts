import "server-only";
import type { Engine, ExecutionEvent, InteractiveRun, StageResult } from "../sandbox";
import type { TerminalFacts } from "../terminal/facts";
import { cookTranscript } from "../terminal/transcript";
import { type PreparedRun, type RecordedRun, recordExecution } from "./run-and-record";

/** Input and signals for a running interactive program. */
export interface InteractiveControl {
  /** Send input; false when refused (input ended, the program ended, or the input cap reached). */
  write(data: string): boolean;
  /** End of input. */
  end(): void;
  signal(signal: string | number): boolean;
  resize(rows: number, cols: number): void;
  readonly inputBytes: number;
  readonly inputCapBytes: number;
}

export interface InteractiveRecordOptions {
  /** A pseudo-terminal (the playground) or pipes (the WebSocket APIs). */
  tty: boolean;
  limits: { idleMs: number; sessionMs: number; inputCapBytes: number };
  size?: { rows: number; cols: number };
  /** Aborting kills the program at once (Stop, a closed socket). */
  signal?: AbortSignal;
  onEvent?: (e: ExecutionEvent) => void;
}

/** Bytes of input the program reads: Ctrl-C and Ctrl-D are control, not input. */
function inputBytesOf(data: string): number {
  let controls = 0;
  for (let i = data.indexOf("\x03"); i >= 0; i = data.indexOf("\x03", i + 1)) controls++;
  for (let i = data.indexOf("\x04"); i >= 0; i = data.indexOf("\x04", i + 1)) controls++;
  return Buffer.byteLength(data) - controls;
}

/** A terminal's output arrives as stdout; stored, it is the transcript as the person saw it. */
function transcriptOf(stage: StageResult): StageResult {
  if (stage.stderr !== "") return stage;
  const text = cookTranscript(stage.output);
  return { ...stage, stdout: text, output: text };
}

/**
 * Start a prepared run whose input arrives while it runs, and store it when it ends: under a
 * terminal its output is stored as the transcript (typed input included, as echoed), with the
 * limits that applied and what its input was, so the report can say when input ran out.
 */
export function startInteractiveRecorded(
  engine: Engine,
  prepared: PreparedRun,
  opts: InteractiveRecordOptions,
): { control: InteractiveControl; recorded: Promise<RecordedRun> } {
  const { tty, limits } = opts;
  let run: InteractiveRun | undefined;
  let bytes = Buffer.byteLength(prepared.req.stdin);
  let ended = false;
  const recorded = recordExecution(engine, prepared, async () => {
    run = engine.interactive(prepared.req, {
      tty,
      ...limits,
      ...(opts.size ? { size: opts.size } : {}),
      signal: opts.signal,
      onEvent: opts.onEvent,
      runId: prepared.id,
      // The playground shows what a program writes under /box/out (plots, CSV) under its output;
      // the WebSocket APIs have no place for files in their protocols.
      collectFiles: prepared.source === "ui",
    });
    const result = await run.result;
    const terminal: TerminalFacts = {
      tty,
      ...limits,
      inputBytes: run.inputBytes,
      inputEnded: ended,
    };
    return {
      result: tty && result.run ? { ...result, run: transcriptOf(result.run) } : result,
      input: { interactive: true, bytes, ended },
      terminal,
      transcript: tty,
    };
  });
  const control: InteractiveControl = {
    write(data) {
      if (!run?.write(data)) return false;
      bytes += inputBytesOf(data);
      // On a terminal, Ctrl-D is the end of input (at a line's start; elsewhere it sends the line).
      if (tty && data.includes("\x04")) ended = true;
      return true;
    },
    end() {
      ended = true;
      run?.end();
    },
    signal: (s) => run?.signal(s) ?? false,
    resize: (rows, cols) => run?.resize(rows, cols),
    get inputBytes() {
      return run?.inputBytes ?? bytes;
    },
    inputCapBytes: limits.inputCapBytes,
  };
  return { control, recorded };
}
