/**
 * The native interactive API (/api/v1/runs/connect) through the app's WebSocket handler, the real
 * engine and SQLite: a terminal that prompts and echoes, end of input on pipes, Ctrl-C, the idle
 * limit, the input cap, session caps, the stored transcript, and every protocol mistake's close code.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getRun } from "@/lib/db/runs";
import { SessionCounter } from "@/lib/runs/interactive-limits";
import { startSocketServer } from "../support/socket-server";
import { HttpRefusal, type Msg, TestSocket } from "../support/ws-client";
import { expectNoContainersLeft } from "./helpers";

const LIMITS = {
  idleMs: 20_000,
  sessionMs: 60_000,
  inputCapBytes: 4096,
  inputBytesPerSec: 65536,
  inputMessagesPerSec: 100,
};
let server: Awaited<ReturnType<typeof startSocketServer>>;

beforeAll(async () => {
  server = await startSocketServer({ limits: LIMITS, sessions: new SessionCounter(8, 8) });
});
afterAll(async () => {
  await server.stop();
  await expectNoContainersLeft();
});

const connect = (headers: Record<string, string> = {}) =>
  TestSocket.open(server.ws("/api/v1/runs/connect"), { headers });
const py = (content: string, extra: object = {}) => ({ language: "python", files: [{ content }], ...extra });
type Done = Msg & { run: Record<string, unknown> & { id: string; status: string; run: Record<string, unknown> } };
const done = async (s: TestSocket) => (await s.until((m) => m.type === "done")) as Done;

describe("native /api/v1/runs/connect", () => {
  it("gives a terminal: the prompt shows before input, typed input is echoed, the transcript is stored", async () => {
    const s = await connect();
    s.send({
      type: "start",
      request: py("import sys\nname = input('Name? ')\nprint(f'Hello, {name}!', sys.stdout.isatty())"),
      tty: true,
      size: { rows: 20, cols: 60 },
    });
    const started = await s.until((m) => m.type === "started");
    expect(started).toMatchObject({
      language: "python",
      tty: true,
      limits: { idleMs: 20_000, sessionMs: 60_000, inputBytes: 4096 },
    });
    expect(await s.untilOutput("Name? ")).toBe("Name? ");
    s.send({ type: "input", data: "Anx\x7fa\r" });
    await s.untilOutput("Hello, Ana! True");
    const { run } = await done(s);
    expect(run).toMatchObject({
      id: started.id,
      status: "ok",
      terminal: { tty: true, inputBytes: 6, inputEnded: false },
    });
    // Stored as the person saw it: the erased x is gone, lines end in \n.
    expect(run.run.stdout).toBe("Name? Ana\nHello, Ana! True\n");
    expect(await s.closed).toEqual({ code: 1000, reason: "done" });
    const stored = await getRun(started.id as string);
    expect(stored?.run?.output).toBe("Name? Ana\nHello, Ana! True\n");
    expect(stored?.terminal).toMatchObject({ tty: true, idleMs: 20_000, sessionMs: 60_000, inputCapBytes: 4096 });
    expect(stored?.source).toBe("api");
  });

  it("waits longer than the batch time limit, and ends input on pipes", async () => {
    const s = await connect();
    s.send({
      type: "start",
      request: py("import sys\nprint('ready', flush=True)\nprint(repr(sys.stdin.read()))", {
        stdin: "box\n",
        limits: { timeoutMs: 500 },
      }),
    });
    await s.untilOutput("ready");
    await new Promise((r) => setTimeout(r, 1500));
    s.send({ type: "input", data: "typed\n" });
    s.send({ type: "eof" });
    await s.untilOutput("'box\\ntyped\\n'");
    const { run } = await done(s);
    expect(run.status).toBe("ok");
    expect(run.run.wallTimeMs).toBeGreaterThan(1500);
    expect(run.terminal).toMatchObject({ tty: false, inputEnded: true, inputBytes: 10 });
  });

  it("interrupts with Ctrl-C typed at the terminal, or with a signal message", async () => {
    const loop = '#include <stdio.h>\nint main(void){ puts("spinning"); fflush(stdout); for (;;) {} }\n';
    for (const stop of [
      { type: "input", data: "\x03" },
      { type: "signal", signal: "SIGINT" },
    ]) {
      const s = await connect();
      s.send({ type: "start", request: { language: "c", files: [{ name: "main.c", content: loop }] }, tty: true });
      await s.untilOutput("spinning");
      s.send(stop);
      expect(await s.until((m) => m.type === "exit" && m.stage === "run")).toMatchObject({
        signal: "SIGINT",
        exitCode: null,
      });
      const { run } = await done(s);
      expect(run).toMatchObject({ status: "runtime_error", debug: { title: "Interrupted with Ctrl-C (SIGINT)" } });
    }
  });

  it("stops a run nobody types into at the idle limit, and says so", async () => {
    const s = await connect();
    s.send({ type: "start", request: py("input('? ')"), tty: true, idleMs: 1000 });
    const { run } = await done(s);
    expect(run).toMatchObject({
      status: "timeout",
      run: { timeoutKind: "idle" },
      debug: { title: "Idle limit reached (1 s)" },
    });
  });

  it("says when the program ran out of input", async () => {
    const s = await connect();
    s.send({ type: "start", request: py("a = input()\nb = input()\nprint(a + b)") });
    s.send({ type: "input", data: "only one\n" });
    s.send({ type: "eof" });
    const { run } = await done(s);
    expect(run).toMatchObject({
      status: "runtime_error",
      debug: { category: "input", title: "Your program asked for more input than it was given" },
    });
  });

  it("refuses input past the cap: an error, then 4002", async () => {
    const s = await connect();
    s.send({ type: "start", request: py("import time\nprint('ok', flush=True)\ntime.sleep(30)") });
    await s.untilOutput("ok");
    s.send({ type: "input", data: "x".repeat(5000) });
    expect(await s.until((m) => m.type === "error")).toMatchObject({ code: "input_limit" });
    expect((await s.closed).code).toBe(4002);
  });

  it("closes protocol mistakes with their codes", async () => {
    const closeOf = async (...messages: (object | string)[]) => {
      const s = await connect();
      for (const m of messages) typeof m === "string" ? s.sendRaw(m) : s.send(m);
      return (await s.closed).code;
    };
    const start = { type: "start", request: py("input()") };
    expect(await closeOf("{not json")).toBe(4004);
    expect(await closeOf({ kind: "start" })).toBe(4004);
    expect(await closeOf({ type: "dance" })).toBe(4004);
    expect(await closeOf({ type: "input", data: "x" })).toBe(4003);
    expect(await closeOf(start, start)).toBe(4000);
    expect(await closeOf(start, { type: "input", data: 42 })).toBe(4004);
    expect(await closeOf(start, { type: "resize", rows: 0, cols: 80 })).toBe(4004);
    expect(await closeOf(start, { type: "signal", signal: "SIGSEGV" })).toBe(4005);
  });

  it("answers a bad request with its field errors, then 4002", async () => {
    const s = await connect();
    s.send({ type: "start", request: { language: "python", files: [{ name: "../x.py", content: "" }] } });
    const error = (await s.until((m) => m.type === "error")) as Msg & { fieldErrors: Record<string, string> };
    expect(error).toMatchObject({ code: "invalid_request" });
    expect(Object.keys(error.fieldErrors)).toContain("files.0.name");
    expect((await s.closed).code).toBe(4002);
    const t = await connect();
    t.send({ type: "start", request: py("x"), idleMs: 5 });
    expect(await t.until((m) => m.type === "error")).toMatchObject({ code: "invalid_request" });
  });

  it("refuses a browser page of another site, and accepts programs and this site", async () => {
    await expect(connect({ origin: "https://evil.example" })).rejects.toEqual(new HttpRefusal(403));
    (await connect({ origin: server.origin })).ws.close();
    await expect(TestSocket.open(server.ws("/api/v1/nothing"))).rejects.toEqual(new HttpRefusal(404));
  });
});

describe("interactive session caps", () => {
  it("refuses a session past the cap, with a reason, and frees it when the run ends", async () => {
    const capped = await startSocketServer({ limits: LIMITS, sessions: new SessionCounter(1, 1) });
    try {
      const open = (path: string) => TestSocket.open(capped.ws(path));
      const first = await open("/api/v1/runs/connect");
      first.send({ type: "start", request: py("print('hold', flush=True)\ninput()") });
      await first.untilOutput("hold");
      const second = await open("/api/v2/connect");
      second.send({ type: "init", language: "python", version: "*", files: [{ content: "print(1)" }] });
      expect(await second.until((m) => m.type === "error")).toMatchObject({
        message: expect.stringMatching(/interactive session/),
      });
      expect((await second.closed).code).toBe(4002);
      first.send({ type: "eof" });
      await done(first);
      const third = await open("/api/v1/runs/connect");
      third.send({ type: "start", request: py("print('again')") });
      expect((await done(third)).run.status).toBe("ok");
    } finally {
      await capped.stop();
    }
  });
});
