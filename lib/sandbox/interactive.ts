import type { SandboxBox } from "./box";
import type { Engine } from "./engine";
import {
  compileThen,
  type ExecuteOptions,
  filesVerdict,
  job,
  notStarted,
  prepare,
  runStage,
  withSlot,
} from "./execute";
import type { RunnerControl } from "./frames";
import { runStatus, signalName, signalNumber } from "./outcome";
import type { ExecuteRequest } from "./request";
import type { ExecutionEvent, ExecutionResult, StageResult } from "./types";

export interface InteractiveOptions extends ExecuteOptions {
  /** Give the program a pseudo-terminal (the playground) or plain pipes (Piston's /connect). */
  tty: boolean;
  /** Stop when neither output nor input happened for this long. */
  idleMs: number;
  /** Stop after this much wall-clock time, waiting for input included. */
  sessionMs: number;
  /** Bytes of input the program may receive in all (the Input box's text counts). */
  inputCapBytes: number;
  /** Terminal size at start (tty only). */
  size?: { rows: number; cols: number };
}

/** Signals a client may send to a running program. */
const ALLOWED_SIGNALS = new Set(["SIGINT", "SIGTERM", "SIGKILL", "SIGQUIT", "SIGHUP", "SIGUSR1", "SIGUSR2"]);

/** One interactive run: input goes in while it runs; the result comes when it ends. */
export interface InteractiveRun {
  /** Send input; false when refused (input ended, the program ended, or the input cap is reached). */
  write(data: string | Buffer): boolean;
  /** End of input (Ctrl-D on a terminal, closed stdin on pipes). */
  end(): void;
  /** Send a signal ("SIGINT", "INT" or a number) to the program; false when not allowed. */
  signal(signal: string | number): boolean;
  resize(rows: number, cols: number): void;
  readonly inputBytes: number;
  readonly result: Promise<ExecutionResult>;
}

/**
 * Run a program whose input arrives while it runs. Waiting for a person is not running: the
 * run's time limit is its CPU-time limit, and the wall clock only bounds the session (`sessionMs`)
 * and idleness (`idleMs`). Compiling happens first, as in a batch run; input sent meanwhile
 * waits and is delivered when the program starts.
 */
export function startInteractive(engine: Engine, req: ExecuteRequest, given: InteractiveOptions): InteractiveRun {
  const started = Date.now();
  const p = prepare(engine, req);
  const opts = { ...given, timings: given.timings ?? {} };
  const pending: RunnerControl[] = [];
  let box: SandboxBox | undefined;
  let open = true;
  let inputEnded = false;
  let inputBytes = Buffer.byteLength(req.stdin);
  const send = (c: RunnerControl) => {
    if (!open) return;
    if (box) box.control(c);
    else pending.push(c);
  };

  const base = { language: p.language.id, version: p.version, limits: p.limits };
  const finish = (
    compile: StageResult | undefined,
    run: StageResult | undefined,
    status = runStatus(compile, run),
  ) => ({
    ...base,
    status: opts.signal?.aborted ? ("stopped" as const) : status,
    ...(compile ? { compile } : {}),
    ...(run ? { run } : {}),
    wallTimeMs: Date.now() - started,
  });
  const stage = {
    ...runStage(engine, p, opts, opts.tty ? ["interactive", "tty"] : ["interactive"], req.stdin),
    timeoutMs: opts.sessionMs,
    cpuMs: Math.min(p.limits.cpuTimeMs, p.limits.timeoutMs),
    idleMs: opts.idleMs,
    env: [...p.runEnv, "TERM=xterm-256color"],
    ...(opts.tty && opts.size ? { size: opts.size } : {}),
  };
  const result = engine.observers
    .watch(
      "interactive",
      p.language.id,
      opts.timings,
      (r) => r.status,
      () =>
        withSlot(engine, opts, () =>
          compileThen(
            engine,
            p,
            req.network,
            1,
            opts,
            (compile) => finish(compile, undefined),
            (compile, message) => finish(compile, notStarted(message), "memory_limit"),
            async (b, files, compile) => {
              // Controls go out once rbrun has started the stage (rbrun also takes tokens that arrived
              // with the job, but input must never reach a compile stage or a stage not yet begun).
              const onEvent = (e: ExecutionEvent) => {
                if (e.type === "stage" && !box) {
                  box = b;
                  for (const c of pending.splice(0)) b.control(c);
                }
                opts.onEvent?.(e);
              };
              const r = await job(b, files, [stage], ["run"], { ...opts, onEvent });
              const run = r.results[0] ?? undefined;
              const tooMany = filesVerdict(run, engine);
              if (run && tooMany) return finish(compile, { ...run, message: tooMany.message }, "output_limit");
              return finish(compile, run);
            },
          ),
        ),
    )
    .finally(() => {
      open = false;
    });

  return {
    write(data) {
      const bytes = Buffer.isBuffer(data) ? data.length : Buffer.byteLength(data);
      if (!open || inputEnded || inputBytes + bytes > opts.inputCapBytes) return false;
      inputBytes += bytes;
      send({ type: "input", data });
      return true;
    },
    end() {
      if (inputEnded) return;
      inputEnded = true;
      send({ type: "eof" });
    },
    signal(signal) {
      const n = signalNumber(signal);
      if (n === undefined || !ALLOWED_SIGNALS.has(signalName(n)) || !open) return false;
      send({ type: "signal", signal: n });
      return true;
    },
    resize(rows, cols) {
      if (Number.isInteger(rows) && Number.isInteger(cols) && rows > 0 && cols > 0 && rows < 1000 && cols < 1000)
        send({ type: "resize", rows, cols });
    },
    get inputBytes() {
      return inputBytes;
    },
    result,
  };
}
