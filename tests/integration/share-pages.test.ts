/**
 * Share and run pages are not an amplifier: a run with 1 MiB of hostile output (or code, or
 * stdin) renders a bounded page cheaply, and the whole text is still there, exactly, through the
 * chunk routes. Uses the production build, started here with `next start` (npm test builds first).
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { nanoid } from "nanoid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createRun, finishRun, getRun } from "@/lib/db/runs";
import { createShare, revokeShare } from "@/lib/db/shares";
import { signOwnerId } from "@/lib/identity/owner-token";
import type { StageResult } from "@/lib/sandbox/types";

const ROOT = path.resolve(__dirname, "../..");
const MiB = 1024 * 1024;
/** What one page may weigh, whatever was stored (today's pages are ~120–170 KiB for these runs). */
const PAGE_BUDGET = 512 * 1024;
/** Server CPU per page view: ~20–50 ms after the fix, ~2 s before; this only catches a regression in kind. */
const CPU_BUDGET_MS = 500;
const ANSI = "\x1b[1mX\x1b[0mY".repeat(100_000).slice(0, MiB);
const OWNER = nanoid();

let server: ChildProcess;
let base = "";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** CPU milliseconds used so far by every process of the server's process group (Linux /proc). */
function serverCpuMs(): number {
  const ticks = fs
    .readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .map((pid) => {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        // After the name: state ppid pgrp … utime (14th field) stime (15th) → indexes 11 and 12 here.
        return Number(f[2]) === server.pid ? Number(f[11]) + Number(f[12]) : 0;
      } catch {
        return 0; // the process ended meanwhile
      }
    })
    .reduce((a, b) => a + b, 0);
  return ticks * 10; // USER_HZ is 100 on Linux
}

const stage = (stdout: string, stderr: string): StageResult => ({
  stdout,
  stderr,
  output: stdout + stderr,
  exitCode: null,
  signal: "SIGKILL",
  timedOut: false,
  outOfMemory: false,
  outputTruncated: true,
  wallTimeMs: 900,
  cpuTimeMs: 800,
  memoryBytes: 9_000_000,
});

/** A finished UI run of OWNER, stored through lib/db as the app stores one, and a share of it. */
async function storeShared(files: { name: string; content: string }[], stdout: string, stderr = "", stdin = "") {
  const id = nanoid();
  await createRun({
    id,
    ownerId: OWNER,
    source: "ui",
    language: "python",
    version: "3.11",
    files,
    stdin,
    args: [],
    env: {},
    limits: { timeoutMs: 5000, outputKb: 1024, memoryMb: 256 },
    network: false,
  });
  await finishRun(id, { status: "output_limit", run: stage(stdout, stderr), wallTimeMs: 1000 });
  const run = await getRun(id);
  if (!run) throw new Error("run not stored");
  return { id, slug: await createShare(run, OWNER) };
}

async function page(url: string, cookie?: string): Promise<{ status: number; html: string; cpuMs: number }> {
  const before = serverCpuMs();
  const res = await fetch(`${base}${url}`, { headers: cookie ? { cookie } : {} });
  const html = await res.text();
  return { status: res.status, html, cpuMs: serverCpuMs() - before };
}

/** Follow `next` through a chunk route, as "Show more" does; every answer is checked on the way. */
async function readAll(endpoint: string, part: string, cookie?: string): Promise<{ text: string; answers: number }> {
  let text = "";
  let offset: number | null = 0;
  let answers = 0;
  while (offset !== null) {
    const res = await fetch(`${base}${endpoint}?part=${part}&offset=${offset}`, { headers: cookie ? { cookie } : {} });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const body = await res.text();
    expect(body.length).toBeLessThan(256 * 1024);
    const chunk = JSON.parse(body) as { offset: number; next: number | null; text: string };
    expect(chunk.offset).toBe(offset);
    text += chunk.text;
    offset = chunk.next;
    answers++;
  }
  return { text, answers };
}

beforeAll(async () => {
  expect(fs.existsSync(path.join(ROOT, ".next/BUILD_ID"))).toBe(true);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: String(port),
      RUNBOX_POOL_SIZE: "0",
      RUNBOX_POOL_PREWARM: "",
      // This test reads hundreds of chunks from one address; page-view limits are tested elsewhere.
      RUNBOX_PAGE_RATE_LIMIT_PER_MINUTE: "100000",
      LOG_LEVEL: "warn",
    },
    stdio: "ignore",
    detached: true, // its own process group: its CPU is measured, and it is stopped, as a whole
  });
  for (let i = 0; ; i++) {
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 300) throw new Error("the server did not start");
    await new Promise((r) => setTimeout(r, 200));
  }
});

afterAll(async () => {
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
  // Several MiB per run: leave the test database as small as it was.
  const client = await db();
  await client.share.deleteMany({ where: { ownerId: OWNER } });
  await client.run.deleteMany({ where: { ownerId: OWNER } });
});

describe("a share of 1 MiB of ANSI output", () => {
  it("renders a bounded page cheaply; the chunk route returns the whole output exactly", async () => {
    const { id, slug } = await storeShared(
      [{ name: "main.py", content: "print('\\x1b[1mX\\x1b[0mY' * 100000)" }],
      ANSI,
    );
    await page(`/s/${slug}`); // the first view reads and caches the snapshot
    for (const url of [`/s/${slug}`, `/s/${slug}?embed=1`, `/runs/${id}`]) {
      const cpu: number[] = [];
      for (let i = 0; i < 3; i++) {
        const { status, html, cpuMs } = await page(url, `runbox_owner=${signOwnerId(OWNER)}`);
        expect(status).toBe(200);
        expect(html.length).toBeLessThan(PAGE_BUDGET);
        expect(html).toContain("XY");
        expect(html).toContain('data-testid="show-more"');
        cpu.push(cpuMs);
      }
      expect(cpu.reduce((a, b) => a + b, 0) / cpu.length).toBeLessThan(CPU_BUDGET_MS);
    }

    const all = await readAll(`/api/shares/${slug}/output`, "run");
    expect(all.text).toBe(ANSI);
    expect(all.answers).toBeGreaterThan(5);
    // The owner's own run, through the owner-checked route; nobody else gets it.
    expect((await readAll(`/api/runs/${id}/output`, "run", `runbox_owner=${signOwnerId(OWNER)}`)).text).toBe(ANSI);
    expect((await fetch(`${base}/api/runs/${id}/output?part=run`)).status).toBe(404);
    expect(
      (
        await fetch(`${base}/api/runs/${id}/output?part=run`, {
          headers: { cookie: `runbox_owner=${signOwnerId(nanoid())}` },
        })
      ).status,
    ).toBe(404);
  });

  it("sends immutable chunks with a strong ETag, 304 when unchanged, and a text/plain download", async () => {
    const { slug } = await storeShared([{ name: "<b>x</b>.py", content: "pass" }], ANSI);
    const url = `${base}/api/shares/${slug}/output?part=run&offset=0`;
    const first = await fetch(url);
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get("cache-control")).toBe("public, no-cache");
    expect(first.headers.get("set-cookie")).toBeNull();
    const again = await fetch(url, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");

    const dl = await fetch(`${base}/api/shares/${slug}/output?part=run&download=1`);
    expect(dl.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(dl.headers.get("content-disposition")).toBe('attachment; filename="run-output.txt"');
    expect(dl.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await dl.text()).toBe(ANSI);
    const file = await fetch(`${base}/api/shares/${slug}/output?part=file-0&download=1`);
    expect(file.headers.get("content-disposition")).toBe('attachment; filename="_b_x__b_.py.txt"');

    for (const [query, status] of [
      ["part=run&offset=7", 400],
      ["part=<script>", 400],
      ["offset=0", 400],
      ["part=compile", 404],
      ["part=file-9", 404],
    ] as const) {
      const res = await fetch(`${base}/api/shares/${slug}/output?${query}`);
      expect(res.status).toBe(status);
      expect(res.headers.get("content-type")).toContain("application/json");
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/\w+ \w+/);
    }
  });

  it("is a 404, page and chunks, once revoked (even after being cached)", async () => {
    const { slug } = await storeShared([{ name: "main.py", content: "pass" }], ANSI);
    expect((await page(`/s/${slug}`)).status).toBe(200);
    expect((await fetch(`${base}/api/shares/${slug}/output?part=run`)).status).toBe(200);
    // Revoked from this process: the server's cache must still notice.
    expect(await revokeShare(slug, OWNER)).toBe(true);
    expect((await page(`/s/${slug}`)).status).toBe(404);
    expect((await fetch(`${base}/api/shares/${slug}/output?part=run`)).status).toBe(404);
  });
});

describe("other long texts", () => {
  it("a 1 MiB source file: bounded page, whole file through the chunk route", async () => {
    const code = Array.from({ length: 60_000 }, (_, i) => `print("<line ${i}> & more")`)
      .join("\n")
      .slice(0, MiB);
    const { slug } = await storeShared([{ name: "main.py", content: code }], "ok\n");
    const { status, html } = await page(`/s/${slug}`);
    expect(status).toBe(200);
    expect(html.length).toBeLessThan(PAGE_BUDGET);
    expect((await readAll(`/api/shares/${slug}/output`, "file-0")).text).toBe(code);
  });

  it("1 MiB of stderr and 1 MiB of stdin: bounded page, both retrievable", async () => {
    const stderr = Array.from({ length: 30_000 }, (_, i) => `  File "main.py", line ${i}, in <module>\nError`)
      .join("\n")
      .slice(0, MiB);
    const stdin = "<&>\n".repeat(MiB / 4);
    const { slug } = await storeShared([{ name: "main.py", content: "raise x" }], "", stderr, stdin);
    const { status, html } = await page(`/s/${slug}`);
    expect(status).toBe(200);
    expect(html.length).toBeLessThan(PAGE_BUDGET);
    expect((await readAll(`/api/shares/${slug}/output`, "run")).text).toBe(stderr);
    expect((await readAll(`/api/shares/${slug}/output`, "stdin")).text).toBe(stdin);
  });
});
