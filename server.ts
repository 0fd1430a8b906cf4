/**
 * The production server: Next.js behind a plain Node HTTP server, so that the client's address
 * is decided here, from the socket, and never taken from what the client wrote. Every request
 * gets CLIENT_IP_HEADER set by us (any copy the client sent is dropped); X-Forwarded-For counts
 * only from RUNBOX_TRUSTED_PROXIES. Every request also gets an id (x-request-id: the client's
 * when it is safe, else a new one), sent back on its response and carried by every log line
 * written while it is served. Start: `node --import tsx server.ts` after `next build`; HOST and
 * PORT as for `next start`.
 */
import http from "node:http";
import type { Duplex } from "node:stream";
import { env } from "./lib/env";
import { CLIENT_IP_HEADER, CLIENT_PROXIED_HEADER, trustClientIpHeader } from "./lib/http/client-address";
import { parseTrustedProxies, resolveClientAddress } from "./lib/http/forwarded-for";
import { bearsProxyMarks } from "./lib/http/proxy-marks";
import { normalizeJobeUrl } from "./lib/jobe/paths";
import { log } from "./lib/log";
import { withRequestContext } from "./lib/request-context";
import { acceptRequestId, REQUEST_ID_HEADER } from "./lib/request-id";

// Before Next.js loads: it reads NODE_ENV when its modules are evaluated.
Object.assign(process.env, { NODE_ENV: "production" });
const { default: next } = await import("next");

const hostname = process.env.HOST || "127.0.0.1";
const port = Number(process.env.PORT || 3000);
const trusted = parseTrustedProxies(env().RUNBOX_TRUSTED_PROXIES);

const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();
trustClientIpHeader();

/** The client's address and the request's id, set on the request for the app to read. */
const identify = (req: http.IncomingMessage): string => {
  // Read the proxy's marks first: the address header set next is ours, not a proxy's.
  const proxied = bearsProxyMarks(req.headers);
  req.headers[CLIENT_IP_HEADER] = resolveClientAddress(
    req.socket.remoteAddress,
    req.headers["x-forwarded-for"],
    trusted,
  );
  req.headers[CLIENT_PROXIED_HEADER] = proxied ? "1" : "0";
  const requestId = acceptRequestId(req.headers[REQUEST_ID_HEADER]);
  req.headers[REQUEST_ID_HEADER] = requestId;
  return requestId;
};

/** Static files are not worth a log line each. */
const QUIET = /^\/(_next\/static|monaco)\//;

// WebSockets (lib/ws): the app, inside Next's bundle, installs its handler in this process-wide slot.
type UpgradeHandler = { handle(req: http.IncomingMessage, socket: Duplex, head: Buffer): void; close(): void };
const upgrades = () => (globalThis as { [k: symbol]: UpgradeHandler | undefined })[Symbol.for("runbox.upgrade")];

const server = http.createServer((req, res) => {
  const requestId = identify(req);
  res.setHeader(REQUEST_ID_HEADER, requestId);
  withRequestContext({ requestId }, () => {
    const started = performance.now();
    // Path only: query strings may carry what a log has no business keeping.
    const path = (req.url ?? "/").split("?")[0];
    if (!QUIET.test(path ?? "")) {
      res.once("finish", () =>
        log.info(
          { method: req.method, path, status: res.statusCode, ms: Math.round(performance.now() - started) },
          "request",
        ),
      );
    }
    // Jobe clients post to "runs/" and would not follow Next's redirect to "runs".
    if (req.url) req.url = normalizeJobeUrl(req.url);
    handle(req, res).catch((err) => {
      log.error({ err, path }, "request failed");
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end("Something went wrong on the server.");
    });
  });
});

server.on("upgrade", (req, socket, head) => {
  const requestId = identify(req);
  withRequestContext({ requestId }, () => {
    const handler = upgrades();
    if (handler) handler.handle(req, socket, head);
    else
      socket.end(
        `HTTP/1.1 404 Not Found\r\n${REQUEST_ID_HEADER}: ${requestId}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
      );
  });
});
// Next.js adds an "upgrade" listener of its own to this server on the first request, which ends
// every WebSocket whose path matches an app route (/api/v1/runs/connect matches /api/v1/runs/[id]).
// Upgrades are the app's alone: later "upgrade" listeners are not added.
for (const method of ["on", "addListener"] as const) {
  const add = server[method].bind(server) as (event: string, listener: (...args: never[]) => void) => http.Server;
  server[method] = ((event: string, listener: (...args: never[]) => void) =>
    event === "upgrade" ? server : add(event, listener)) as typeof server.on;
}

server.listen(port, hostname, () => log.info({ url: `http://${hostname}:${port}` }, "Runbox is serving"));

// Stop taking requests, let the ones in flight finish (up to 10 s), then exit. A second signal exits at once.
let stopping = false;
function shutdown(signal: NodeJS.Signals) {
  if (stopping) process.exit(1);
  stopping = true;
  log.info({ signal }, "shutting down");
  upgrades()?.close();
  setTimeout(() => {
    log.warn("requests still open after 10 s: exiting anyway");
    process.exit(0);
  }, 10_000).unref();
  server.close(() => {
    // Warm containers are this instance's: remove them rather than leave them to a reaper. The
    // engine lives in Next's bundle (lib/app-engine.ts puts it in this process-wide slot).
    const engine = (globalThis as { [k: symbol]: { shutdown(): Promise<void> } | undefined })[
      Symbol.for("runbox.engine")
    ];
    void Promise.allSettled([engine?.shutdown(), app.close()]).finally(() => process.exit(0));
  });
  server.closeIdleConnections();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
