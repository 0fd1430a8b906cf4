import "server-only";
import type { IncomingMessage } from "node:http";
import type { WebSocket } from "ws";
import { fromPistonRequest } from "../http/piston";
import { log } from "../log";
import type { InteractiveControl } from "../runs/interactive-recorded";
import type { ExecutionEvent } from "../sandbox";
import { type SocketDeps, startApiRun } from "./api-run";
import { Connection, headersOf, parseMessage } from "./connection";
import { errorMessage } from "./errors";
import { PISTON_SIGNALS } from "./piston-signals";

/** Piston's close codes, with its own reasons (its CLI prints them). */
const CLOSE = {
  alreadyInitialized: [4000, "Already Initialized"],
  initTimeout: [4001, "Initialization Timeout"],
  notifiedError: [4002, "Notified Error"],
  notInitialized: [4003, "Not yet initialized"],
  stdinOnly: [4004, "Can only write to stdin"],
  invalidSignal: [4005, "Invalid signal"],
  completed: [4999, "Job Completed"],
} as const;

/** Piston closes a socket that sent no `init` within a second. */
export const PISTON_INIT_TIMEOUT_MS = 1000;

/**
 * Piston's /api/v2/connect, as its README documents it: `init` (the fields of /execute; stdin is
 * discarded), then `runtime`, `stage`, `data` both ways, `signal`, `exit` per stage, `error`
 * before a failure closes the socket, and close codes 4000–4005 (4999 when the job completed).
 * Unknown message types are ignored, as Piston does. The program runs with pipes; its time
 * limit counts CPU time, and idleness, the session and its input are capped.
 */
export function pistonConnect(ws: WebSocket, req: IncomingMessage, deps: SocketDeps): void {
  const conn = new Connection(ws, deps.limits);
  const headers = headersOf(req);
  const controller = new AbortController();
  let state: "waiting" | "starting" | "running" | "done" = "waiting";
  let control: InteractiveControl | undefined;
  // Input and signals sent while the run is being set up, applied once it can take them.
  const early: ((c: InteractiveControl) => void)[] = [];

  const fail = (message: string) => {
    conn.send({ type: "error", message });
    conn.close(...CLOSE.notifiedError);
  };
  const timer = setTimeout(() => {
    if (state === "waiting") conn.close(...CLOSE.initTimeout);
  }, PISTON_INIT_TIMEOUT_MS);
  ws.once("close", () => {
    clearTimeout(timer);
    controller.abort();
  });

  const onEvent = (e: ExecutionEvent) => {
    if (e.type === "stage") conn.send({ type: "stage", stage: e.stage });
    else if (e.type === "output") conn.send({ type: "data", stream: e.stream, data: e.text });
    else if (e.type === "stage-end")
      conn.send({ type: "exit", stage: e.stage, code: e.result.exitCode, signal: e.result.signal });
  };

  // Held until the program can take them: bounded in number and, with their input, by the input cap.
  let earlyBytes = 0;
  const withControl = (apply: (c: InteractiveControl) => void, bytes = 0) => {
    if (control) return apply(control);
    earlyBytes += bytes;
    if (early.length < 1000 && earlyBytes <= deps.limits.inputCapBytes) early.push(apply);
    else fail("Too many messages before the program started.");
  };

  const write = (data: string) =>
    withControl((c) => {
      // Refused input past the cap is an error; after the program ended it is simply too late.
      const over = c.inputBytes + Buffer.byteLength(data) > c.inputCapBytes;
      if (!c.write(data) && over && state === "running")
        fail(`The program's input is limited to ${c.inputCapBytes} bytes in all; this run has reached it.`);
    }, Buffer.byteLength(data));

  async function init(msg: Record<string, unknown>) {
    state = "starting";
    try {
      const engine = deps.engine();
      // Piston discards stdin on /connect: input arrives as `data` messages.
      const req = engine.parse({ ...fromPistonRequest(msg, engine.config.bounds), stdin: "" });
      const started = await startApiRun(deps, req, headers, {
        source: "piston",
        tty: false,
        signal: controller.signal,
        onEvent,
      });
      if (!started.ok) return fail(started.message);
      if (!conn.open) return;
      conn.send({ type: "runtime", language: started.prepared.language, version: started.prepared.version });
      state = "running";
      control = started.control;
      for (const apply of early.splice(0)) apply(started.control);
      const { result } = await started.recorded;
      state = "done";
      if (result.status === "internal_error") return fail("The sandbox failed before the program finished.");
      conn.close(...CLOSE.completed);
    } catch (err) {
      state = "done";
      fail(errorMessage(err));
    }
  }

  ws.on("message", (data, isBinary) => {
    if (state === "done") return;
    const msg = parseMessage(data, isBinary);
    if (msg === "invalid-json") return fail("The message is not valid JSON.");
    if (!msg) return; // Piston ignores what it does not understand
    switch (msg.type) {
      case "init":
        if (state !== "waiting") return conn.close(...CLOSE.alreadyInitialized);
        clearTimeout(timer);
        void init(msg).catch((err) => log.error({ err }, "piston connect failed"));
        return;
      case "data": {
        if (state === "waiting") return conn.close(...CLOSE.notInitialized);
        if (msg.stream !== "stdin") return conn.close(...CLOSE.stdinOnly);
        if (typeof msg.data !== "string") return fail("data must be a string");
        conn.pace(Buffer.byteLength(msg.data));
        return write(msg.data);
      }
      case "signal": {
        if (state === "waiting") return conn.close(...CLOSE.notInitialized);
        if (typeof msg.signal !== "string" || !PISTON_SIGNALS.has(msg.signal))
          return conn.close(...CLOSE.invalidSignal);
        conn.pace(0);
        // A signal Piston knows but a sandbox does not pass on (SIGWINCH from a resized terminal,
        // SIGSTOP…) is ignored rather than fatal: Piston's CLI forwards every signal it gets.
        const signal = msg.signal;
        return withControl((c) => void c.signal(signal));
      }
      default:
        return;
    }
  });
}
