/**
 * WebSockets through the production server (server.ts + the Next build): server.ts forwards
 * upgrades to the handler the app installs from inside Next's bundle. Piston's /connect, the
 * playground's terminal after the startRun action (the browser's own cookie, this site's Origin),
 * cross-site handshakes refused, and the server-wide cap on interactive sessions.
 * With PISTON_CLI=/path/to/piston/cli/index.js (its dependencies installed), Piston's own CLI is
 * run against the server in `-t` mode too.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpRefusal, type Msg, TestSocket } from "../support/ws-client";
import { callAction, ownerCookie, startServer, type TestServer } from "./server-process";

let server: TestServer;
beforeAll(async () => {
  server = await startServer({
    RUNBOX_MAX_INTERACTIVE: "1",
    RUNBOX_MAX_RUNS_PER_CLIENT: "4",
    RUNBOX_RATE_LIMIT_PER_MINUTE: "8",
    RUNBOX_POOL_SIZE: "0",
  });
});
afterAll(async () => {
  await server?.stop();
});

const wsUrl = (p: string) => `${server.base.replace("http", "ws")}${p}`;
const GREET = { language: "python", files: [{ content: "name = input('Name? ')\nprint(f'Hello, {name}!')" }] };

async function browserCookie(): Promise<string> {
  const cookie = ownerCookie(await fetch(`${server.base}/`));
  if (!cookie) throw new Error("no owner cookie");
  return cookie;
}

describe("WebSockets through server.ts", () => {
  it("serves Piston's /api/v2/connect, and refuses another site's page", async () => {
    const s = await TestSocket.open(wsUrl("/api/v2/connect"));
    s.send({ type: "init", ...GREET, version: "*" });
    await s.untilOutput("Name? ");
    s.send({ type: "data", stream: "stdin", data: "Ana\n" });
    await s.untilOutput("Hello, Ana!");
    expect((await s.closed).code).toBe(4999);
    await expect(TestSocket.open(wsUrl("/api/v2/connect"), { origin: "https://evil.example" })).rejects.toEqual(
      new HttpRefusal(403),
    );
    await expect(TestSocket.open(wsUrl("/api/nothing"))).rejects.toEqual(new HttpRefusal(404));
  });

  it("serves the native /api/v1/runs/connect (a path Next.js would route to /api/v1/runs/[id])", async () => {
    await fetch(`${server.base}/api/health`); // Next.js has seen a request: its own upgrade handling is set up
    const s = await TestSocket.open(wsUrl("/api/v1/runs/connect"));
    s.send({ type: "start", request: GREET, tty: true });
    await s.untilOutput("Name? ");
    s.send({ type: "input", data: "Ana\r" });
    expect(await s.until((m) => m.type === "done")).toMatchObject({
      run: { status: "ok", run: { stdout: "Name? Ana\nHello, Ana!\n" } },
    });
    expect((await s.closed).code).toBe(1000);
  });

  it("runs the playground's terminal for the run's owner only; a second terminal falls back to the Input box", async () => {
    const alice = await browserCookie();
    const bob = await browserCookie();
    const started = await callAction(server.base, "/", "startRun", [GREET, { terminal: { rows: 24, cols: 80 } }], {
      cookie: alice,
    });
    const run = started.result as { ok: true; id: string; terminal: boolean };
    expect(run).toMatchObject({ ok: true, terminal: true });
    const path = `/api/runs/${run.id}/terminal`;
    await expect(TestSocket.open(wsUrl(path), { headers: { cookie: bob }, origin: server.base })).rejects.toEqual(
      new HttpRefusal(404),
    );
    await expect(
      TestSocket.open(wsUrl(path), { headers: { cookie: alice }, origin: "https://evil.example" }),
    ).rejects.toEqual(new HttpRefusal(403));
    const s = await TestSocket.open(wsUrl(path), { headers: { cookie: alice }, origin: server.base });
    await s.untilOutput("Name? ");

    // The server holds one interactive session (RUNBOX_MAX_INTERACTIVE=1): Bob's run takes its Input box only.
    const other = await callAction(
      server.base,
      "/",
      "startRun",
      [{ ...GREET, stdin: "Bo\n" }, { terminal: { rows: 24, cols: 80 } }],
      {
        cookie: bob,
      },
    );
    expect(other.result).toMatchObject({ ok: true, terminal: false, notice: expect.stringMatching(/Input box only/) });

    s.send({ type: "input", data: "Ana\r" });
    const done = (await s.until((m) => m.type === "done")) as Msg & { result: { status: string; terminal: object } };
    expect(done.result).toMatchObject({ status: "ok", terminal: { tty: true } });
    expect(s.output()).toContain("Name? Ana\r\nHello, Ana!");
  });

  it.skipIf(!process.env.PISTON_CLI)("works with Piston's own CLI in -t mode", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "piston-cli-"));
    const file = path.join(dir, "greet.py");
    fs.writeFileSync(file, "name = input('Name? ')\nprint(f'Hello, {name}!')\n");
    const child = spawn(process.execPath, [
      process.env.PISTON_CLI as string,
      "-u",
      server.base,
      "run",
      "python",
      file,
      "-t",
    ]);
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      if (out.includes("Name? ")) child.stdin.write("Ana\n");
    });
    const code = await new Promise((resolve) => child.once("exit", resolve));
    expect(out).toBe("Name? Hello, Ana!\n");
    expect(code).toBe(0);
  });

  it("counts socket runs against the same per-minute rate as other runs", async () => {
    // Every run above came from this address; the rate is 8 a minute (this test runs last).
    const errors: unknown[] = [];
    for (let i = 0; i < 8 && errors.length === 0; i++) {
      const s = await TestSocket.open(wsUrl("/api/v1/runs/connect"));
      s.send({ type: "start", request: { language: "python", files: [{ content: "print(1)" }] } });
      const end = await s.until((m) => m.type === "done" || m.type === "error");
      if (end.type === "error") errors.push(end);
      await s.closed;
    }
    expect(errors[0]).toMatchObject({ code: "rate_limited", message: expect.stringMatching(/Too many runs/) });
  });
});
