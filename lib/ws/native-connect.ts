import "server-only";
import type { IncomingMessage } from "node:http";
import type { WebSocket } from "ws";
import { z } from "zod";
import { log } from "../log";
import type { InteractiveControl } from "../runs/interactive-recorded";
import type { ExecutionEvent } from "../sandbox";
import { fieldErrorsOf } from "../sandbox";
import { type SocketDeps, startApiRun } from "./api-run";
import { Connection, headersOf, type Message, parseMessage } from "./connection";
import { errorCode, errorMessage } from "./errors";

/** Close codes, with Piston's meanings where it has one. */
export const NATIVE_CLOSE = {
  done: 1000,
  alreadyStarted: 4000,
  startTimeout: 4001,
  notifiedError: 4002,
  notStarted: 4003,
  invalidMessage: 4004,
  invalidSignal: 4005,
} as const;

/** Signals a client may send to its program (the engine passes these on). */
const SIGNALS = new Set(["SIGINT", "SIGTERM", "SIGKILL", "SIGQUIT", "SIGHUP", "SIGUSR1", "SIGUSR2"]);

/** A socket that sent no `start` in this long is closed. */
export const NATIVE_START_TIMEOUT_MS = 10_000;

const Size = z.object({ rows: z.number().int().min(1).max(999), cols: z.number().int().min(1).max(999) }).strict();

/** The first message: the request POST /api/v1/runs takes, and how to run it. */
const Start = z
  .object({
    type: z.literal("start"),
    request: z.unknown(),
    /** A pseudo-terminal (echo, line editing, Ctrl-C; stdout and stderr merged) or pipes. */
    tty: z.boolean().default(false),
    size: Size.optional(),
    /** Lower the idle or session limit for this run (never above the server's). */
    idleMs: z.number().int().min(1000).optional(),
    sessionMs: z.number().int().min(1000).optional(),
  })
  .strict();

const Input = z.object({ type: z.literal("input"), data: z.string() }).strict();
const Eof = z.object({ type: z.literal("eof") }).strict();
const Signal = z.object({ type: z.literal("signal"), signal: z.string().max(16) }).strict();
const Resize = Size.extend({ type: z.literal("resize") }).strict();
const Control = z.discriminatedUnion("type", [Input, Eof, Signal, Resize]);

/**
 * The native interactive API at /api/v1/runs/connect. `start` carries the native request; then
 * `input`, `eof`, `signal` and `resize` go in while `queued`, `started`, `stage`, `output` and
 * `exit` come out, and `done` carries the stored run as POST /api/v1/runs answers it. Failures
 * send `error` ({ code, message }) and close with 4002; protocol mistakes close with 4000–4005.
 */
export function nativeConnect(ws: WebSocket, req: IncomingMessage, deps: SocketDeps): void {
  const conn = new Connection(ws, deps.limits);
  const headers = headersOf(req);
  const controller = new AbortController();
  let state: "waiting" | "starting" | "running" | "done" = "waiting";
  let control: InteractiveControl | undefined;
  const early: ((c: InteractiveControl) => void)[] = [];

  const fail = (code: string, message: string, fieldErrors?: Record<string, string>) => {
    state = "done";
    conn.send({ type: "error", code, message, ...(fieldErrors ? { fieldErrors } : {}) });
    conn.close(NATIVE_CLOSE.notifiedError, message);
  };
  const timer = setTimeout(() => {
    if (state === "waiting") conn.close(NATIVE_CLOSE.startTimeout, "No start message in time");
  }, NATIVE_START_TIMEOUT_MS);
  ws.once("close", () => {
    clearTimeout(timer);
    controller.abort();
  });

  const onEvent = (e: ExecutionEvent) => {
    if (e.type === "queued") conn.send({ type: "queued", position: e.position });
    else if (e.type === "stage") conn.send({ type: "stage", stage: e.stage });
    else if (e.type === "output") conn.send({ type: "output", stage: e.stage, stream: e.stream, data: e.text });
    else if (e.type === "stage-end") {
      const r = e.result;
      conn.send({
        type: "exit",
        stage: e.stage,
        exitCode: r.exitCode,
        signal: r.signal,
        timedOut: r.timedOut,
        ...(r.timeoutKind ? { timeoutKind: r.timeoutKind } : {}),
      });
    }
  };

  // Held until the program can take them: bounded in number and, with their input, by the input cap.
  let earlyBytes = 0;
  const withControl = (apply: (c: InteractiveControl) => void, bytes = 0) => {
    if (control) return apply(control);
    earlyBytes += bytes;
    if (early.length < 1000 && earlyBytes <= deps.limits.inputCapBytes) early.push(apply);
    else fail("too_many_messages", "Too many messages before the program started.");
  };

  async function start(msg: Message) {
    state = "starting";
    const parsed = Start.safeParse(msg);
    if (!parsed.success) return fail("invalid_request", "The start message is not valid.", fieldErrorsOf(parsed.error));
    const s = parsed.data;
    try {
      const engine = deps.engine();
      const req = engine.parse(s.request);
      const started = await startApiRun(deps, req, headers, {
        source: "api",
        tty: s.tty,
        ...(s.size ? { size: s.size } : {}),
        ...(s.idleMs ? { idleMs: s.idleMs } : {}),
        ...(s.sessionMs ? { sessionMs: s.sessionMs } : {}),
        signal: controller.signal,
        onEvent,
      });
      if (!started.ok) return fail(started.code, started.message);
      const { prepared } = started;
      state = "running";
      control = started.control;
      conn.send({
        type: "started",
        id: prepared.id,
        language: prepared.language,
        version: prepared.version,
        tty: s.tty,
        limits: {
          idleMs: Math.min(deps.limits.idleMs, s.idleMs ?? deps.limits.idleMs),
          sessionMs: Math.min(deps.limits.sessionMs, s.sessionMs ?? deps.limits.sessionMs),
          inputBytes: deps.limits.inputCapBytes,
        },
      });
      for (const apply of early.splice(0)) apply(started.control);
      const { id, createdAt, result, debug, terminal } = await started.recorded;
      state = "done";
      conn.send({
        type: "done",
        run: {
          id,
          status: result.status,
          language: result.language,
          version: result.version,
          ...(result.compile ? { compile: result.compile } : {}),
          run: result.run ?? null,
          ...(debug ? { debug } : {}),
          limits: result.limits,
          terminal: terminal ?? null,
          wallTimeMs: result.wallTimeMs,
          createdAt: createdAt.toISOString(),
        },
      });
      conn.close(NATIVE_CLOSE.done, "done");
    } catch (err) {
      const fe = (err as { fieldErrors?: Record<string, string> }).fieldErrors;
      fail(errorCode(err), errorMessage(err), fe);
    }
  }

  ws.on("message", (data, isBinary) => {
    if (state === "done") return;
    const msg = parseMessage(data, isBinary);
    if (msg === "invalid-json") return conn.close(NATIVE_CLOSE.invalidMessage, "The message is not valid JSON");
    if (!msg) return conn.close(NATIVE_CLOSE.invalidMessage, "A message is a JSON object with a string type");
    if (msg.type === "start") {
      if (state !== "waiting") return conn.close(NATIVE_CLOSE.alreadyStarted, "Already started");
      clearTimeout(timer);
      void start(msg).catch((err) => log.error({ err }, "native connect failed"));
      return;
    }
    const parsed = Control.safeParse(msg);
    if (!parsed.success) return conn.close(NATIVE_CLOSE.invalidMessage, `Invalid ${msg.type.slice(0, 32)} message`);
    if (state === "waiting") return conn.close(NATIVE_CLOSE.notStarted, "Not started yet");
    const m = parsed.data;
    conn.pace(m.type === "input" ? Buffer.byteLength(m.data) : 0);
    switch (m.type) {
      case "input":
        return withControl((c) => {
          // Refused input past the cap is an error; after the program (or its input) ended it is ignored.
          const over = c.inputBytes + Buffer.byteLength(m.data) > c.inputCapBytes;
          if (!c.write(m.data) && over && state === "running")
            fail("input_limit", `The program's input is limited to ${c.inputCapBytes} bytes in all.`);
        }, Buffer.byteLength(m.data));
      case "eof":
        return withControl((c) => c.end());
      case "signal": {
        const name = m.signal.toUpperCase().startsWith("SIG") ? m.signal.toUpperCase() : `SIG${m.signal.toUpperCase()}`;
        if (!SIGNALS.has(name)) return conn.close(NATIVE_CLOSE.invalidSignal, "Invalid signal");
        return withControl((c) => void c.signal(name));
      }
      case "resize":
        return withControl((c) => c.resize(m.rows, m.cols));
    }
  });
}
