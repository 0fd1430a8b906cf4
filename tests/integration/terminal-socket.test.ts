/**
 * The playground's terminal socket (/api/runs/{id}/terminal) on a live run started as the startRun
 * action starts it: only the run's owner, from this site's pages, may type into it or signal it;
 * one socket at a time; closing it stops the run; the transcript is stored with the run.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getRun } from "@/lib/db/runs";
import { newOwnerToken } from "@/lib/identity/owner-token";
import { SessionCounter } from "@/lib/runs/interactive-limits";
import { startLiveRun, stopLiveRun } from "@/lib/runs/live-runs";
import { engine } from "../support/engine";
import { startSocketServer } from "../support/socket-server";
import { HttpRefusal, type Msg, TestSocket } from "../support/ws-client";
import { accountWithSession, removeAccounts } from "./account-helpers";
import { expectNoContainersLeft } from "./helpers";

const LIMITS = {
  idleMs: 20_000,
  sessionMs: 60_000,
  inputCapBytes: 64,
  inputBytesPerSec: 65536,
  inputMessagesPerSec: 100,
};
let server: Awaited<ReturnType<typeof startSocketServer>>;
const alice = newOwnerToken();
const bob = newOwnerToken();
const cookie = (t: { token: string }) => ({ cookie: `theme=dark; runbox_owner=${t.token}` });

beforeAll(async () => {
  server = await startSocketServer({ limits: LIMITS, sessions: new SessionCounter(8, 8) });
});
afterAll(async () => {
  await server.stop();
  await expectNoContainersLeft();
});

async function liveRun(content: string, terminal = true, owner = alice.id) {
  const e = engine();
  const req = e.parse({ language: "python", files: [{ content }] });
  return startLiveRun(e, req, owner, terminal ? { terminal: { limits: LIMITS, size: { rows: 24, cols: 80 } } } : {});
}
const open = (id: string, headers: Record<string, string>, origin: string | undefined = server.origin) =>
  TestSocket.open(server.ws(`/api/runs/${id}/terminal`), { headers, ...(origin ? { origin } : {}) });
type Done = Msg & { result: Record<string, unknown> & { status: string; terminal: Record<string, unknown> } };
const done = async (s: TestSocket) => (await s.until((m) => m.type === "done")) as Done;

describe("the playground's terminal socket", () => {
  it("lets the owner type: the prompt, the echo and the reply, and stores the transcript", async () => {
    const id = await liveRun("name = input('What is your name? ')\nprint(f'Hello, {name}!')");
    const s = await open(id, cookie(alice));
    await s.untilOutput("What is your name? ");
    s.send({ type: "resize", rows: 30, cols: 100 });
    s.send({ type: "input", data: "Ana\r" });
    await s.untilOutput("Ana\r\nHello, Ana!\r\n");
    const { result } = await done(s);
    expect(result).toMatchObject({ status: "ok", terminal: { tty: true, inputBytes: 4 } });
    expect((await s.closed).code).toBe(1000);
    const stored = await getRun(id);
    expect(stored?.run?.stdout).toBe("What is your name? Ana\nHello, Ana!\n");
    expect(stored?.terminal?.tty).toBe(true);
  });

  it("lets a signed-in user type into their run (stored under their user id, found by their session)", async () => {
    const user = await accountWithSession("term");
    try {
      const id = await liveRun("print(input('? ') * 2)", true, user.id);
      // The browser also carries an anonymous owner cookie of its own: the session decides.
      const s = await open(id, { cookie: `runbox_owner=${bob.token}; ${user.cookie}` });
      await s.untilOutput("? ");
      s.send({ type: "input", data: "ab\r" });
      await s.untilOutput("abab\r\n");
      expect((await done(s)).result.status).toBe("ok");
      const other = await liveRun("input()", true, user.id);
      await expect(open(other, cookie(bob))).rejects.toEqual(new HttpRefusal(404));
      expect(await stopLiveRun(other, user.id)).toBe(true);
    } finally {
      await removeAccounts([user.id]);
    }
  });

  it("refuses everyone but the owner on this site's pages, and a second terminal", async () => {
    const id = await liveRun("print('waiting', flush=True)\ninput()");
    await expect(open(id, cookie(bob))).rejects.toEqual(new HttpRefusal(404));
    await expect(open(id, {})).rejects.toEqual(new HttpRefusal(404));
    await expect(open(id, { cookie: `runbox_owner=${alice.id}.forged` })).rejects.toEqual(new HttpRefusal(404));
    await expect(open(id, cookie(alice), "https://evil.example")).rejects.toEqual(new HttpRefusal(403));
    await expect(open(id, cookie(alice), "")).rejects.toEqual(new HttpRefusal(403));
    await expect(open("no-such-run", cookie(alice))).rejects.toEqual(new HttpRefusal(404));
    const s = await open(id, cookie(alice));
    await expect(open(id, cookie(alice))).rejects.toEqual(new HttpRefusal(409));
    await s.untilOutput("waiting");
    s.send({ type: "eof" });
    await done(s);
  });

  it("Ctrl-C interrupts; Stop over the socket ends it; closing the socket stops the run", async () => {
    const loop = "import time\nprint('loop', flush=True)\nwhile True: time.sleep(0.05)";
    const a = await open(await liveRun(loop), cookie(alice));
    await a.untilOutput("loop");
    a.send({ type: "input", data: "\x03" });
    const interrupted = await done(a);
    expect(interrupted.result).toMatchObject({ status: "runtime_error", run: { signal: "SIGINT" } });
    expect(a.output()).toContain("KeyboardInterrupt");

    const b = await open(await liveRun(loop), cookie(alice));
    await b.untilOutput("loop");
    b.send({ type: "stop" });
    expect((await done(b)).result.status).toBe("stopped");

    const id = await liveRun(loop);
    const c = await open(id, cookie(alice));
    await c.untilOutput("loop");
    c.ws.close();
    let stored = await getRun(id);
    for (let i = 0; i < 100 && stored?.status === "running"; i++) {
      await new Promise((r) => setTimeout(r, 100));
      stored = await getRun(id);
    }
    expect(stored?.status).toBe("stopped");
  });

  it("says when typed input passes the cap, or when the run takes no typed input", async () => {
    const s = await open(
      await liveRun("print('ready', flush=True)\nimport sys\nprint(len(sys.stdin.readline()))"),
      cookie(alice),
    );
    await s.untilOutput("ready");
    s.send({ type: "input", data: "y".repeat(100) });
    expect(await s.until((m) => m.type === "notice")).toMatchObject({
      message: expect.stringMatching(/limited to 64 bytes per run/),
    });
    s.send({ type: "input", data: "short\r" });
    await s.untilOutput("6");
    await done(s);

    const batch = await open(await liveRun("print('no terminal')", false), cookie(alice));
    batch.send({ type: "input", data: "x" });
    await done(batch);
    expect(batch.output()).toContain("no terminal");
  });

  it("closes on a malformed message", async () => {
    const s = await open(await liveRun("input()"), cookie(alice));
    s.send({ type: "signal", signal: "SIGKILL" });
    expect((await s.closed).code).toBe(4004);
  });
});
