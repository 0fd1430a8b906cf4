/**
 * The production server: Next.js behind a plain Node HTTP server, so that the client's address
 * is decided here, from the socket, and never taken from what the client wrote. Every request
 * gets CLIENT_IP_HEADER set by us (any copy the client sent is dropped); X-Forwarded-For counts
 * only from RUNBOX_TRUSTED_PROXIES. Start: `node --import tsx server.ts` after `next build`;
 * HOST and PORT as for `next start`.
 */
import http from "node:http";
import type { Duplex } from "node:stream";
import { env } from "./lib/env";
import { CLIENT_IP_HEADER, trustClientIpHeader } from "./lib/http/client-address";
import { parseTrustedProxies, resolveClientAddress } from "./lib/http/forwarded-for";
import { normalizeJobeUrl } from "./lib/jobe/paths";
import { log } from "./lib/log";

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

const identify = (req: http.IncomingMessage) => {
  req.headers[CLIENT_IP_HEADER] = resolveClientAddress(
    req.socket.remoteAddress,
    req.headers["x-forwarded-for"],
    trusted,
  );
};

// WebSockets (lib/ws): the app, inside Next's bundle, installs its handler in this process-wide slot.
type UpgradeHandler = { handle(req: http.IncomingMessage, socket: Duplex, head: Buffer): void; close(): void };
const upgrades = () => (globalThis as { [k: symbol]: UpgradeHandler | undefined })[Symbol.for("runbox.upgrade")];

const server = http.createServer((req, res) => {
  identify(req);
  // Jobe clients post to "runs/" and would not follow Next's redirect to "runs".
  if (req.url) req.url = normalizeJobeUrl(req.url);
  handle(req, res).catch((err) => {
    log.error({ err, url: req.url }, "request failed");
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    res.end("Something went wrong on the server.");
  });
});

server.on("upgrade", (req, socket, head) => {
  identify(req);
  const handler = upgrades();
  if (handler) handler.handle(req, socket, head);
  else socket.end("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
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
