/**
 * Identity and admission, attacked through the real server (server.ts + the production build):
 * forged client addresses, forged owner cookies, many cookies from one address, one client
 * holding every slot, queue timeouts, reading someone else's run, page floods.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { callAction, ownerCookie, startServer, type TestServer } from "./server-process";

const PYTHON = (code: string, extra: object = {}) => ({
  language: "python",
  files: [{ name: "main.py", content: code }],
  ...extra,
});
/** Holds its slot for 10 s (its time limit), unless stopped. */
const LONG = PYTHON("import time\nprint('go', flush=True)\ntime.sleep(60)", { limits: { timeoutMs: 10_000 } });
const SOLUTION = { language: "python", files: [{ name: "main.py", content: "print('Hello, ' + input() + '!')" }] };

let direct: TestServer;
let proxied: TestServer;

beforeAll(async () => {
  // One after the other: each server removes every sandbox container it finds when it starts.
  // Reached directly: no proxy is trusted.
  direct = await startServer({
    RUNBOX_TRUSTED_PROXIES: "",
    RUNBOX_RATE_LIMIT_PER_MINUTE: "3",
    RUNBOX_MAX_RUNS_PER_CLIENT: "4",
    RUNBOX_POOL_SIZE: "0",
  });
  // Behind a proxy on loopback: the test plays the proxy and names each client in X-Forwarded-For.
  // The warm pool stays on: its start-up is what made a queue timeout a 500.
  proxied = await startServer({
    RUNBOX_TRUSTED_PROXIES: "127.0.0.1, ::1",
    RUNBOX_RATE_LIMIT_PER_MINUTE: "4",
    RUNBOX_PAGE_RATE_LIMIT_PER_MINUTE: "20",
    RUNBOX_MAX_CONCURRENCY: "2",
    RUNBOX_MAX_RUNS_PER_CLIENT: "1",
    RUNBOX_QUEUE_TIMEOUT_MS: "500",
    RUNBOX_SECRET: "identity-test-secret-0123456789-abcdef",
  });
});
afterAll(async () => {
  await Promise.all([direct?.stop(), proxied?.stop()]);
});

const post = (base: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
/** A client behind the trusted proxy: whatever it wrote itself, then the address the proxy saw. */
const from = (ip: string, forged = "198.51.100.66") => ({ "x-forwarded-for": `${forged}, ${ip}` });

/** Follow a UI run's events to the end; the last event. */
async function finish(base: string, id: string, cookie: string): Promise<{ type: string; message?: string }> {
  const text = await (await fetch(`${base}/api/runs/${id}/events`, { headers: { cookie } })).text();
  return JSON.parse(text.trim().split("\n").at(-1) ?? "{}");
}

/** Start a UI run as a browser (no cookie: a fresh identity); its result and cookie. */
async function uiRun(ip: string, input: unknown, cookie?: string) {
  const r = await callAction(proxied.base, "/", "startRun", [input], { ...from(ip), ...(cookie ? { cookie } : {}) });
  return { ...r, result: r.result as { ok: boolean; id?: string; error?: { code: string; message: string } } };
}

async function waitForRunning(n: number, since: Date) {
  const client = await db();
  for (let i = 0; i < 100; i++) {
    if ((await client.run.count({ where: { status: "running", createdAt: { gte: since } } })) >= n) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${n} runs never ran at once`);
}

/** A UI run that holds a slot until stopped: returns once its program has printed. */
async function holdSlot(ip: string): Promise<{ stop: () => Promise<void> }> {
  const run = await uiRun(ip, LONG);
  const id = run.result.id as string;
  const cookie = run.cookie as string;
  const res = await fetch(`${proxied.base}/api/runs/${id}/events`, { headers: { cookie } });
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  let seen = "";
  while (!seen.includes('"text":"go')) {
    const { done, value } = await reader.read();
    if (done) throw new Error(`the holding run ended early: ${seen}`);
    seen += Buffer.from(value).toString("utf8");
  }
  await reader.cancel();
  return {
    stop: async () => {
      await fetch(`${proxied.base}/api/runs/${id}/stop`, { method: "POST", headers: { cookie } });
      await finish(proxied.base, id, cookie);
    },
  };
}

describe("client addresses", () => {
  it("gives a forged X-Forwarded-For (or x-runbox-client-ip) no fresh rate-limit bucket", async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await post(direct.base, "/api/v1/runs", PYTHON("print(1)"), {
        "x-forwarded-for": `10.0.${i}.1`,
        "x-runbox-client-ip": `10.1.${i}.1`,
      });
      codes.push(res.status);
      if (res.status === 429) {
        expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
        expect((await res.json()).error.code).toBe("rate_limited");
      }
    }
    expect(codes).toEqual([200, 200, 200, 429]);
  });

  it("behind a trusted proxy, counts the address the proxy saw, not what the client wrote", async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++)
      codes.push(
        (await post(proxied.base, "/api/v1/runs", PYTHON("print(1)"), from("203.0.113.10", `6.6.6.${i}`))).status,
      );
    expect(codes).toEqual([200, 200, 200, 200, 429]);
    expect((await post(proxied.base, "/api/v1/runs", PYTHON("print(1)"), from("203.0.113.11"))).status).toBe(200);
  });
});

describe("owner cookies", () => {
  it("treat an unsigned, forged or tampered cookie as no identity", async () => {
    const run = await uiRun("203.0.113.20", PYTHON("print('mine')"));
    expect(run.result.ok).toBe(true);
    const mine = run.cookie as string;
    const id = run.result.id as string;
    expect((await finish(proxied.base, id, mine)).type).toBe("done");
    expect(
      (await fetch(`${proxied.base}/runs/${id}`, { headers: { cookie: mine, ...from("203.0.113.20") } })).status,
    ).toBe(200);

    const ownerId = mine.slice("runbox_owner=".length, "runbox_owner=".length + 21);
    const forged = [`runbox_owner=${ownerId}`, `${mine.slice(0, -1)}${mine.endsWith("A") ? "B" : "A"}`];
    for (const cookie of forged) {
      const headers = { cookie, ...from("203.0.113.21") };
      expect((await fetch(`${proxied.base}/runs/${id}`, { headers })).status).toBe(404);
      expect((await fetch(`${proxied.base}/api/v1/runs/${id}`, { headers })).status).toBe(404);
      expect(await (await fetch(`${proxied.base}/runs`, { headers })).text()).not.toContain(id);
      // The page hands out a new signed identity instead.
      const fresh = ownerCookie(await fetch(`${proxied.base}/`, { headers }));
      expect(fresh).toMatch(/^runbox_owner=[\w-]{21}\.[\w-]{43}$/);
      expect(fresh?.slice(0, 34)).not.toBe(mine.slice(0, 34));
    }
    expect(mine).toMatch(/^runbox_owner=[\w-]{21}\.[\w-]{43}$/);
  });

  it("count UI runs per address too, so new cookies buy no new runs", async () => {
    const results: string[] = [];
    for (let i = 0; i < 5; i++) {
      const run = await uiRun("203.0.113.30", PYTHON("print(1)"));
      results.push(run.result.ok ? "ok" : (run.result.error?.code ?? "?"));
      if (run.result.ok) await finish(proxied.base, run.result.id as string, run.cookie as string);
    }
    expect(results).toEqual(["ok", "ok", "ok", "ok", "rate_limited"]);
    expect((await uiRun("203.0.113.31", PYTHON("print(1)"))).result.ok).toBe(true);
  });
});

describe("runs at once per client", () => {
  it("refuses an API client at its cap with 429, while another client still runs", async () => {
    const started = new Date();
    const long = post(proxied.base, "/api/v1/runs", LONG, from("203.0.113.40"));
    await waitForRunning(1, started);
    const v1 = await post(proxied.base, "/api/v1/runs", PYTHON("print(1)"), from("203.0.113.40"));
    expect(v1.status).toBe(429);
    expect(Number(v1.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await v1.json()).toMatchObject({
      error: { code: "too_many_runs", message: /already have a program running/ },
    });
    const piston = await post(
      proxied.base,
      "/api/v2/execute",
      { language: "python", version: "*", files: [{ content: "print(1)" }] },
      from("203.0.113.40"),
    );
    expect(piston.status).toBe(429);
    expect(Object.keys(await piston.json())).toEqual(["message"]);
    const submission = await post(
      proxied.base,
      "/api/v1/exercises/hello-name/submissions",
      SOLUTION,
      from("203.0.113.40"),
    );
    expect(submission.status).toBe(429);

    const other = await post(proxied.base, "/api/v1/runs", PYTHON("print('other')"), from("203.0.113.41"));
    expect(other.status).toBe(200);
    expect((await other.json()).run.stdout).toBe("other\n");
    expect((await long).status).toBe(200);
  });

  it("counts a UI run until its execution ends, per browser and per address", async () => {
    const first = await uiRun("203.0.113.42", LONG);
    expect(first.result.ok).toBe(true);
    const cookie = first.cookie as string;
    const again = await uiRun("203.0.113.42", PYTHON("print(1)"), cookie);
    expect(again.result.error).toMatchObject({ code: "too_many_runs", message: /already have a program running/ });
    // Another browser at the same address, and the same browser from another address.
    expect((await uiRun("203.0.113.42", PYTHON("print(1)"))).result.error).toMatchObject({
      code: "too_many_runs",
      message: /network address already has a program running/,
    });
    const moved = await callAction(proxied.base, "/", "startRun", [PYTHON("print(1)")], {
      cookie,
      ...from("203.0.113.43"),
    });
    expect((moved.result as { error?: { code: string } }).error?.code).toBe("too_many_runs");
    const judged = await callAction(
      proxied.base,
      "/exercises/hello-name",
      "judgeSolution",
      ["hello-name", SOLUTION, "submit"],
      {
        cookie,
        ...from("203.0.113.42"),
      },
    );
    expect((judged.result as { error?: { code: string } }).error?.code).toBe("too_many_runs");

    const other = await uiRun("203.0.113.44", PYTHON("print(1)"));
    expect(other.result.ok).toBe(true);
    expect((await finish(proxied.base, other.result.id as string, other.cookie as string)).type).toBe("done");
    // Once the first run is over (stopped), this browser may run again.
    const firstId = first.result.id as string;
    expect(
      (await fetch(`${proxied.base}/api/runs/${firstId}/stop`, { method: "POST", headers: { cookie } })).status,
    ).toBe(200);
    expect((await finish(proxied.base, firstId, cookie)).type).toBe("done");
    const last = await uiRun("203.0.113.42", PYTHON("print(1)"), cookie);
    expect(last.result.ok).toBe(true);
    expect((await finish(proxied.base, last.result.id as string, cookie)).type).toBe("done");
  });
});

describe("a full queue", () => {
  it("answers a queue timeout with 429 and Retry-After on every path", async () => {
    const holders = [await holdSlot("203.0.113.50"), await holdSlot("203.0.113.51")];

    const v1 = await post(proxied.base, "/api/v1/runs", PYTHON("print(1)"), from("203.0.113.52"));
    expect(v1.status).toBe(429);
    expect(Number(v1.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await v1.json()).error.code).toBe("busy");
    const piston = await post(
      proxied.base,
      "/api/v2/execute",
      { language: "python", version: "*", files: [{ content: "print(1)" }] },
      from("203.0.113.53"),
    );
    expect(piston.status).toBe(429);
    expect(Number(piston.headers.get("retry-after"))).toBeGreaterThan(0);
    const submission = await post(
      proxied.base,
      "/api/v1/exercises/hello-name/submissions",
      SOLUTION,
      from("203.0.113.54"),
    );
    expect(submission.status).toBe(429);
    expect(Number(submission.headers.get("retry-after"))).toBeGreaterThan(0);
    const judged = await callAction(
      proxied.base,
      "/exercises/hello-name",
      "judgeSolution",
      ["hello-name", SOLUTION, "submit"],
      from("203.0.113.55"),
    );
    expect(judged.result).toMatchObject({ ok: false, error: { code: "busy", message: /busy/ } });
    const ui = await uiRun("203.0.113.56", PYTHON("print(1)"));
    expect(ui.result.ok).toBe(true);
    expect(await finish(proxied.base, ui.result.id as string, ui.cookie as string)).toMatchObject({
      type: "error",
      message: /busy/,
    });
    for (const h of holders) await h.stop();
  });
});

describe("reading runs", () => {
  it("shows a browser's run to that browser only, shared or not; an API run to anyone with its id", async () => {
    const secret = "stdin-only-the-owner-may-read";
    const run = await uiRun(
      "203.0.113.60",
      PYTHON("import os\nprint(input(), os.environ['TOKEN'])", { stdin: secret, env: { TOKEN: "env-secret" } }),
    );
    const owner = run.cookie as string;
    const id = run.result.id as string;
    expect((await finish(proxied.base, id, owner)).type).toBe("done");
    const own = await fetch(`${proxied.base}/api/v1/runs/${id}`, { headers: { cookie: owner } });
    expect(own.status).toBe(200);
    expect((await own.json()).stdin).toBe(secret);

    const shared = await callAction(proxied.base, "/", "shareRun", [id], { cookie: owner, ...from("203.0.113.60") });
    const slug = (shared.result as { slug: string }).slug;
    expect((await fetch(`${proxied.base}/s/${slug}`, { headers: from("203.0.113.61") })).status).toBe(200);
    const revoked = await callAction(proxied.base, `/runs/${id}`, "revokeShare", [slug], {
      cookie: owner,
      ...from("203.0.113.60"),
    });
    expect(revoked.result).toEqual({ ok: true });

    const stranger = ownerCookie(await fetch(`${proxied.base}/`, { headers: from("203.0.113.62") })) as string;
    for (const cookie of ["", stranger, `runbox_owner=${owner.slice(13, 34)}`]) {
      const headers = { ...(cookie ? { cookie } : {}), ...from("203.0.113.62") };
      const api = await fetch(`${proxied.base}/api/v1/runs/${id}`, { headers });
      expect(api.status).toBe(404);
      expect(await api.text()).not.toContain(secret);
      expect((await fetch(`${proxied.base}/runs/${id}`, { headers })).status).toBe(404);
      expect(await (await fetch(`${proxied.base}/?run=${id}`, { headers })).text()).not.toContain(secret);
      expect(await (await fetch(`${proxied.base}/api/runs/${id}/events`, { headers })).text()).not.toContain(secret);
      expect((await fetch(`${proxied.base}/api/runs/${id}/stop`, { method: "POST", headers })).status).toBe(404);
      expect((await fetch(`${proxied.base}/s/${slug}`, { headers })).status).toBe(404);
      const reshare = await callAction(proxied.base, "/", "shareRun", [id], headers);
      expect(reshare.result).toMatchObject({ ok: false, error: { code: "not_found" } });
    }

    const api = await (
      await post(proxied.base, "/api/v1/runs", PYTHON("print('public')"), from("203.0.113.63"))
    ).json();
    expect((await fetch(`${proxied.base}/api/v1/runs/${api.id}`, { headers: from("203.0.113.64") })).status).toBe(200);
  });
});

describe("page views", () => {
  it("are limited per address: 429 with Retry-After and a short page", async () => {
    // 30 views at once against a limit of 20 a minute (refilled one every 3 s): however slow the
    // machine, the burst outruns the refill and some are refused.
    const pages = ["/", "/runs", "/exercises", "/s/no-such-share-000000"];
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        fetch(`${proxied.base}${pages[i % pages.length]}`, { headers: from("203.0.113.70") }),
      ),
    );
    const refused = answers.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(answers.filter((r) => r.status !== 429).length).toBeLessThanOrEqual(30 - refused.length);
    for (const r of answers.filter((a) => a !== refused[0])) await r.arrayBuffer();
    const flooded = refused[0] as Response;
    expect(flooded.status).toBe(429);
    expect(Number(flooded.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(flooded.headers.get("content-type")).toMatch(/text\/html/);
    const body = await flooded.text();
    expect(body).toContain("Too many requests");
    expect(body.length).toBeLessThan(1000);
    expect((await fetch(`${proxied.base}/exercises`, { headers: from("203.0.113.71") })).status).toBe(200);
  });
});
