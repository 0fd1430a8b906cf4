/**
 * Piston's /api/v2/connect through the app's WebSocket handler and the real engine: the message
 * sequence and close codes of Piston's README, and the exact messages Piston's own CLI sends in
 * `piston run … -t` mode (cli/commands/execute.js): an init with its default timeouts, stdin as
 * `data`, and every signal the CLI process receives (SIGWINCH when its terminal is resized).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SessionCounter } from "@/lib/runs/interactive-limits";
import { startSocketServer } from "../support/socket-server";
import { type Msg, TestSocket } from "../support/ws-client";
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

const connect = () => TestSocket.open(server.ws("/api/v2/connect"));
/** What Piston's CLI sends for `piston run python main.py -t` (run_timeout 3000, compile_timeout 10000). */
const cliInit = (language: string, name: string, content: string, extra: object = {}) => ({
  type: "init",
  language,
  version: "*",
  files: [{ name, content, encoding: "utf8" }],
  args: [],
  compile_timeout: 10000,
  run_timeout: 3000,
  ...extra,
});
const exitOf = (s: TestSocket, stage = "run") => s.until((m) => m.type === "exit" && m.stage === stage);

describe("Piston /api/v2/connect", () => {
  it("runs a program that asks: the prompt comes before any input, the reply after it", async () => {
    const s = await connect();
    s.send(cliInit("python", "main.py", "name = input('Name? ')\nprint(f'Hello, {name}!')"));
    expect(await s.until((m) => m.type === "runtime")).toMatchObject({
      language: "python",
      version: expect.stringMatching(/^3\.11/),
    });
    expect(await s.until((m) => m.type === "stage")).toEqual({ type: "stage", stage: "run" });
    expect(await s.untilOutput("Name? ")).toBe("Name? ");
    // The CLI forwards SIGWINCH when its terminal is resized: a known signal, ignored.
    s.send({ type: "signal", signal: "SIGWINCH" });
    s.send({ type: "data", stream: "stdin", data: "Ana\n" });
    await s.untilOutput("Hello, Ana!\n");
    expect(await exitOf(s)).toEqual({ type: "exit", stage: "run", code: 0, signal: null });
    expect(await s.closed).toEqual({ code: 4999, reason: "Job Completed" });
    // In Piston's order (output may arrive in any number of data messages).
    expect(s.types().filter((t, i, all) => t !== all[i - 1])).toEqual(["runtime", "stage", "data", "exit"]);
  });

  it("waits for a person longer than the run's time limit (CPU time is what counts)", async () => {
    const s = await connect();
    s.send(cliInit("python", "main.py", "print('ready', flush=True)\nprint('got', input())", { run_timeout: 500 }));
    await s.untilOutput("ready");
    await new Promise((r) => setTimeout(r, 1500));
    s.send({ type: "data", stream: "stdin", data: "late\n" });
    await s.untilOutput("got late");
    expect(await exitOf(s)).toMatchObject({ code: 0 });
  });

  it("compiles, then runs with stdin as data (C), stdout and stderr apart", async () => {
    const s = await connect();
    const c =
      '#include <stdio.h>\nint main(void){ int n; printf("n? "); fflush(stdout); if (scanf("%d", &n) != 1) return 3; fprintf(stderr, "twice\\n"); printf("%d\\n", 2*n); return 0; }\n';
    s.send(cliInit("c", "main.c", c));
    expect(await exitOf(s, "compile")).toMatchObject({ code: 0 });
    await s.untilOutput("n? ");
    s.send({ type: "data", stream: "stdin", data: "21\n" });
    await s.untilOutput("42\n");
    await exitOf(s);
    const streams = s.messages.filter((m) => m.type === "data").map((m) => [m.stream, m.data]);
    expect(streams).toContainEqual(["stderr", "twice\n"]);
    expect(s.types().filter((t) => t === "stage")).toHaveLength(2);
  });

  it("passes SIGINT on to the program", async () => {
    const s = await connect();
    s.send(cliInit("python", "main.py", "import time\nprint('loop', flush=True)\nwhile True: time.sleep(0.1)"));
    await s.untilOutput("loop");
    s.send({ type: "signal", signal: "SIGINT" });
    const exit = await exitOf(s);
    // Python turns SIGINT into KeyboardInterrupt, then dies of the signal to report it.
    expect(exit.signal).toBe("SIGINT");
    expect((await s.closed).code).toBe(4999);
  });

  it("closes with Piston's codes", async () => {
    const codes: Record<string, number> = {};
    const expectClose = async (name: string, act: (s: TestSocket) => void) => {
      const s = await connect();
      act(s);
      codes[name] = (await s.closed).code;
    };
    await expectClose("no init in a second", () => {});
    await expectClose("data before init", (s) => s.send({ type: "data", stream: "stdin", data: "x" }));
    await expectClose("signal before init", (s) => s.send({ type: "signal", signal: "SIGINT" }));
    const slow = cliInit("python", "main.py", "input()");
    await expectClose("second init", (s) => {
      s.send(slow);
      s.send(slow);
    });
    await expectClose("writing stdout", (s) => {
      s.send(slow);
      s.send({ type: "data", stream: "stdout", data: "x" });
    });
    await expectClose("unknown signal", (s) => {
      s.send(slow);
      s.send({ type: "signal", signal: "SIGFOO" });
    });
    expect(codes).toEqual({
      "no init in a second": 4001,
      "data before init": 4003,
      "signal before init": 4003,
      "second init": 4000,
      "writing stdout": 4004,
      "unknown signal": 4005,
    });
  });

  it("reports a bad init with an error message, then 4002", async () => {
    for (const [init, message] of [
      [{ type: "init", version: "*", files: [{ content: "x" }] }, "language is required as a string"],
      [{ type: "init", language: "cobol", version: "*", files: [{ content: "x" }] }, /Unknown language "cobol"/],
      [
        { type: "init", language: "python", version: "*", files: [{ content: 1 }] },
        "files[0].content is required as a string",
      ],
      [cliInit("python", "main.py", "x", { run_timeout: 10 ** 9 }), /run_timeout cannot exceed the configured limit/],
    ] as [object, string | RegExp][]) {
      const s = await connect();
      s.send(init);
      const error = (await s.until((m) => m.type === "error")) as Msg & { message: string };
      expect(error.message).toMatch(message);
      expect(await s.closed).toEqual({ code: 4002, reason: "Notified Error" });
    }
    // Not JSON at all.
    const s = await connect();
    s.sendRaw("{nope");
    expect((await s.closed).code).toBe(4002);
  });

  it("ignores message types it does not know, as Piston does", async () => {
    const s = await connect();
    s.send({ type: "hello" });
    s.send(cliInit("bash", "main.sh", 'read x; echo "[$x]"'));
    s.send({ type: "whatever", data: 1 });
    s.send({ type: "data", stream: "stdin", data: "typed early\n" });
    await s.untilOutput("[typed early]");
    expect((await s.closed).code).toBe(4999);
  });

  it("refuses input past the cap with an error", async () => {
    const s = await connect();
    s.send(cliInit("python", "main.py", "import time\nprint('ok', flush=True)\ntime.sleep(30)"));
    await s.untilOutput("ok");
    s.send({ type: "data", stream: "stdin", data: "x".repeat(5000) });
    const error = (await s.until((m) => m.type === "error")) as Msg & { message: string };
    expect(error.message).toMatch(/limited to 4096 bytes/);
    expect((await s.closed).code).toBe(4002);
  });
});
