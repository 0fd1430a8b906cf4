/**
 * Through the built server (server.ts): every answer carries a request id (the client's when it
 * is safe), every log line about a request carries it (in the route handler too), keys never
 * reach the logs, and /metrics serves Prometheus' text format to this machine or a token only,
 * with labels that a client cannot multiply.
 */
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LANGUAGES } from "@/lib/sandbox/languages";
import { find, parsePrometheusText } from "../support/prometheus-text";
import { TestSocket } from "../support/ws-client";
import { removeAccounts } from "./account-helpers";
import { accountWithKey } from "./api-key-helpers";
import { startServer, type TestServer } from "./server-process";

const METRICS_TOKEN = "metrics-token-0123456789abcdef";
let server: TestServer;
let key: Awaited<ReturnType<typeof accountWithKey>>;

beforeAll(async () => {
  key = await accountWithKey("observability");
  server = await startServer({ LOG_LEVEL: "info", RUNBOX_METRICS_TOKEN: METRICS_TOKEN });
});
afterAll(async () => {
  await server?.stop();
  await removeAccounts([key.id]);
});

const run = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.base}/api/v1/runs`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
const logLines = () =>
  server
    .logs()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/** A raw HTTP/1.1 exchange (fetch refuses to send what an attacker would). */
function raw(request: string): Promise<string> {
  const { port } = new URL(server.base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), "127.0.0.1", () => socket.write(request));
    let answer = "";
    socket.on("data", (d) => {
      answer += d;
    });
    socket.on("close", () => resolve(answer));
    // Node answers an oversized head at once and resets the connection while we are still writing.
    socket.on("error", (err) => (answer ? resolve(answer) : reject(err)));
  });
}

describe("request ids", () => {
  it("are made when absent, kept when safe, replaced when not, on every kind of answer", async () => {
    const made = await fetch(`${server.base}/api/health`);
    expect(made.headers.get("x-request-id")).toMatch(/^[0-9a-f]{32}$/);
    const kept = await fetch(`${server.base}/api/health`, { headers: { "x-request-id": "client-trace:42" } });
    expect(kept.headers.get("x-request-id")).toBe("client-trace:42");
    for (const bad of ["two words", '"quoted"', "x".repeat(65), "<script>", "a/b", "é"]) {
      const res = await fetch(`${server.base}/api/health`, {
        headers: { "x-request-id": encodeURI(bad) === bad ? bad : "é" },
      });
      expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f]{32}$/);
    }
    // A page, a 404, an API 401 and a 400 carry one too.
    for (const [path, init] of [
      ["/exercises", {}],
      ["/no-such-page", {}],
      ["/api/v1/languages", { headers: { authorization: "Bearer nope" } }],
      ["/api/v1/runs", { method: "POST", headers: { "content-type": "application/json" }, body: "{" }],
    ] as const) {
      const res = await fetch(`${server.base}${path}`, init);
      expect(res.headers.get("x-request-id"), path).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it("cannot inject headers: CR/LF ends the header; a huge one is refused without harm", async () => {
    const answer = await raw(
      "GET /api/health HTTP/1.1\r\nHost: x\r\nx-request-id: abc\r\nSet-Cookie: injected=1\r\nConnection: close\r\n\r\n",
    );
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(answer).toMatch(/\r\nx-request-id: abc\r\n/i);
    expect(answer).not.toMatch(/injected/);
    const huge = await raw(
      `GET /api/health HTTP/1.1\r\nHost: x\r\nx-request-id: ${"a".repeat(20_000)}\r\nConnection: close\r\n\r\n`,
    );
    expect(huge).toMatch(/^HTTP\/1\.1 431/);
    expect((await fetch(`${server.base}/api/health`)).status).toBe(200);
  });

  it("come back on a WebSocket handshake", async () => {
    const s = await TestSocket.open(`${server.base.replace("http", "ws")}/api/v2/connect`, {
      headers: { "x-request-id": "ws-trace-1" },
    });
    expect(s.handshakeHeaders?.["x-request-id"]).toBe("ws-trace-1");
    s.ws.close();
  });

  it("are on every log line about the request, written by server.ts or the route handler", async () => {
    await run({ language: "python", files: [{ content: "print(1)" }] }, { "x-request-id": "log-trace-1" });
    await fetch(`${server.base}/metrics`, {
      headers: { "x-request-id": "log-trace-2", "x-forwarded-for": "203.0.113.9" },
    });
    // The access line is written when the answer is finished.
    await new Promise((r) => setTimeout(r, 200));
    const lines = logLines();
    expect(lines.find((l) => l.reqId === "log-trace-1" && l.msg === "request")).toMatchObject({
      method: "POST",
      path: "/api/v1/runs",
      status: 200,
    });
    // Written inside the route handler, in Next's bundle: the id travels there too.
    expect(lines.find((l) => l.reqId === "log-trace-2" && l.msg === "metrics refused")).toMatchObject({
      proxied: true,
    });
  });

  it("keys never reach the logs", async () => {
    await run({ language: "python", files: [{ content: "print(1)" }] }, { authorization: key.authorization });
    await run({ language: "python", files: [{ content: "print(1)" }] }, { authorization: `${key.authorization}x` });
    await new Promise((r) => setTimeout(r, 200));
    expect(server.logs()).not.toContain(key.token.slice(4));
  });
});

describe("/metrics", () => {
  it("serves this machine Prometheus' text format: runs, latency, queue, pool, engines", async () => {
    const ok = await run({ language: "python", files: [{ content: "print(1)" }] });
    expect(ok.status).toBe(200);
    await run({ language: "python", files: [{ content: "raise SystemExit(3)" }] });
    const res = await fetch(`${server.base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const { samples, types } = parsePrometheusText(await res.text());
    expect(types.get("runbox_runs_total")).toBe("counter");
    expect(types.get("runbox_run_duration_seconds")).toBe("histogram");
    expect(types.get("runbox_queue_wait_seconds")).toBe("histogram");
    expect(
      find(samples, "runbox_runs_total", { kind: "run", language: "python", status: "ok" })[0]?.value,
    ).toBeGreaterThanOrEqual(2);
    expect(
      find(samples, "runbox_runs_total", { language: "python", status: "runtime_error" })[0]?.value,
    ).toBeGreaterThanOrEqual(1);
    expect(
      find(samples, "runbox_run_duration_seconds_bucket", { kind: "run", language: "python", le: "+Inf" })[0]?.value,
    ).toBeGreaterThanOrEqual(2);
    expect(find(samples, "runbox_queue_wait_seconds_count")[0]?.value).toBeGreaterThanOrEqual(2);
    expect(find(samples, "runbox_queue_depth")[0]?.value).toBe(0);
    expect(find(samples, "runbox_slots_capacity")[0]?.value).toBeGreaterThan(0);
    expect(find(samples, "runbox_engine_up", { engine: "local" })[0]?.value).toBe(1);
    expect(find(samples, "runbox_engine_capacity", { engine: "local" })[0]?.value).toBeGreaterThan(0);
    for (const name of [
      "runbox_pool_warm_containers",
      "runbox_pool_hits_total",
      "runbox_pool_misses_total",
      "runbox_container_create_failures_total",
    ])
      expect(find(samples, name, { engine: "local" }), name).toHaveLength(1);
    expect(find(samples, "runbox_container_remove_failures_total")).toHaveLength(1);
    expect(find(samples, "process_cpu_seconds_total")).toHaveLength(1);
  });

  it("labels runs only with the engine's own language ids and statuses, whatever clients send", async () => {
    const junk = `cobol-${Date.now()}`;
    await run({ language: "PY", files: [{ content: "print(1)" }] });
    await run({ language: junk, files: [{ content: "x" }] });
    await run({ language: "python", version: "<evil-version>", files: [{ content: "x" }] });
    await run(
      { language: "python", files: [{ content: "print(1)" }] },
      { authorization: `Bearer rbx_${"z".repeat(43)}` },
    );
    const text = await (await fetch(`${server.base}/metrics`)).text();
    expect(text).not.toContain(junk);
    expect(text).not.toContain("evil-version");
    const { samples } = parsePrometheusText(text);
    const languages = new Set(find(samples, "runbox_runs_total").map((s) => s.labels.language));
    const known = new Set([...LANGUAGES.map((l) => l.id), "lua"]);
    expect([...languages].filter((l) => !known.has(l ?? ""))).toEqual([]);
    expect(find(samples, "runbox_api_refusals_total", { code: "unauthorized" })[0]?.value).toBeGreaterThanOrEqual(1);
  });

  it("is refused to other machines and to requests through a proxy, unless they bring the token", async () => {
    const viaProxy = await fetch(`${server.base}/metrics`, { headers: { "x-forwarded-for": "203.0.113.9" } });
    expect(viaProxy.status).toBe(401);
    expect(await viaProxy.text()).toMatch(/metrics token/);
    // A local nginx set up with X-Real-IP only, an RFC 7239 proxy, a cache: a proxy all the same.
    const proxies: Record<string, string>[] = [
      { "x-real-ip": "203.0.113.9" },
      { forwarded: "for=203.0.113.9" },
      { via: "1.1 cache" },
    ];
    for (const marks of proxies) {
      const res = await fetch(`${server.base}/metrics`, { headers: marks });
      expect(res.status, JSON.stringify(marks)).toBe(401);
    }
    const wrong = await fetch(`${server.base}/metrics`, {
      headers: { authorization: "Bearer wrong-token-000000000000" },
    });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${server.base}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}`, "x-forwarded-for": "203.0.113.9" },
    });
    expect(right.status).toBe(200);
    // A client cannot claim to be this machine through the header server.ts sets.
    const forged = await fetch(`${server.base}/metrics`, {
      headers: { "x-runbox-client-ip": "127.0.0.1", "x-runbox-client-proxied": "0", "x-forwarded-for": "203.0.113.9" },
    });
    expect(forged.status).toBe(401);
  });
});
