import "server-only";
import { AsyncResource } from "node:async_hooks";
import type { IncomingMessage } from "node:http";
import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import { authenticateApi } from "../api-keys/authenticate";
import { appEngine } from "../app-engine";
import { addressKey } from "../http/client-address";
import { checkPageRate } from "../http/rate-limit";
import { MAX_BODY_BYTES } from "../http/responses";
import { log } from "../log";
import { isSafeRequestId, REQUEST_ID_HEADER } from "../request-id";
import { interactiveLimits, interactiveSessions } from "../runs/interactive-limits";
import type { SocketDeps } from "./api-run";
import { headersOf } from "./connection";
import { nativeConnect } from "./native-connect";
import { originAllowed, type SocketAudience } from "./origin";
import { pistonConnect } from "./piston-connect";
import { TERMINAL_PATH, terminalRoute } from "./terminal-socket";

/** What server.ts calls for every upgrade request, and at shutdown. */
export interface UpgradeHandler {
  handle(req: IncomingMessage, socket: Duplex, head: Buffer): void | Promise<void>;
  /** Close every socket (the server is going away). */
  close(): void;
}

/** The process-wide slot server.ts forwards upgrades to (it lives outside Next's bundles). */
export const UPGRADE_SLOT = Symbol.for("runbox.upgrade");

/** Messages on the playground's socket are keystrokes and small control messages. */
const TERMINAL_MAX_PAYLOAD = 64 * 1024;

/** Answer a handshake with a plain HTTP error and drop the connection. */
function refuseSocket(socket: Duplex, status: number, message: string, headers: Record<string, string> = {}): void {
  const body = `${message}\n`;
  const extra = Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join("");
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ""}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\n${extra}Connection: close\r\n\r\n${body}`,
  );
}

type Opened = Awaited<ReturnType<typeof terminalRoute>>;
type Route = { audience: SocketAudience; open: (req: IncomingMessage) => Opened | Promise<Opened> };

/**
 * The WebSocket endpoints: Piston's /api/v2/connect, the native /api/v1/runs/connect and the
 * playground's /api/runs/{id}/terminal. Every handshake is checked before it is accepted: the
 * page-view rate of its address, its Origin (see origin.ts), and the route's own conditions.
 */
export function createUpgradeHandler(overrides: Partial<SocketDeps> = {}): UpgradeHandler {
  const deps: SocketDeps = {
    engine: overrides.engine ?? appEngine,
    limits: overrides.limits ?? interactiveLimits(),
    sessions: overrides.sessions ?? interactiveSessions(),
  };
  const api = new WebSocketServer({ noServer: true, maxPayload: MAX_BODY_BYTES });
  const page = new WebSocketServer({ noServer: true, maxPayload: TERMINAL_MAX_PAYLOAD });
  // The request id server.ts gave the handshake goes back on its answer, as on every HTTP answer.
  const idHeader = (req: IncomingMessage): Record<string, string> => {
    const id = req.headers[REQUEST_ID_HEADER];
    return isSafeRequestId(id) ? { [REQUEST_ID_HEADER]: id } : {};
  };
  for (const server of [api, page])
    server.on("headers", (headers, req) => {
      for (const [k, v] of Object.entries(idHeader(req))) headers.push(`${k}: ${v}`);
    });

  const route = (path: string): Route | null => {
    if (path === "/api/v2/connect") return { audience: "api", open: (req) => (ws) => pistonConnect(ws, req, deps) };
    if (path === "/api/v1/runs/connect")
      return { audience: "api", open: (req) => (ws) => nativeConnect(ws, req, deps) };
    const id = TERMINAL_PATH.exec(path)?.[1];
    if (id) return { audience: "page", open: (req) => terminalRoute(req, id, deps) };
    return null;
  };

  return {
    async handle(req, socket, head) {
      socket.on("error", () => socket.destroy());
      const refuse = (status: number, message: string, headers: Record<string, string> = {}) =>
        refuseSocket(socket, status, message, { ...headers, ...idHeader(req) });
      try {
        const path = new URL(req.url ?? "/", "http://x").pathname;
        const r = route(path);
        if (!r) return refuse(404, "Nothing here takes a WebSocket.");
        const rate = checkPageRate(addressKey(headersOf(req)));
        if (!rate.allowed) return refuse(429, "Too many requests: try again later.", rate.headers);
        if (!originAllowed(r.audience, req.headers.origin, req.headers.host))
          return refuse(403, "WebSockets here may only be opened by this site's own pages (or by programs).");
        if (r.audience === "api") {
          // API sockets: the same keys as the HTTP APIs, checked before the handshake is answered.
          const auth = await authenticateApi(headersOf(req));
          if (!auth.ok) {
            const challenge = `Bearer realm="runbox"${auth.invalidToken ? ', error="invalid_token"' : ""}`;
            return refuse(401, auth.message, { "WWW-Authenticate": challenge });
          }
        }
        const opened = await r.open(req);
        if (typeof opened !== "function") return refuse(opened.status, opened.message);
        const server = r.audience === "page" ? page : api;
        server.handleUpgrade(req, socket, head, (ws) => {
          // A socket's events arrive in its connection's async context; run its listeners in
          // the handshake's instead, so log lines about this socket carry its request id.
          ws.emit = AsyncResource.bind(ws.emit.bind(ws));
          opened(ws);
        });
      } catch (err) {
        log.error({ err, url: req.url }, "websocket upgrade failed");
        refuse(500, "Something went wrong on the server.");
      }
    },
    close() {
      for (const server of [api, page]) for (const ws of server.clients) ws.close(1001, "The server is shutting down");
    },
  };
}

/** Install the app's handler in the process-wide slot server.ts forwards upgrades to. */
export function installUpgradeHandler(): void {
  (globalThis as { [UPGRADE_SLOT]?: UpgradeHandler })[UPGRADE_SLOT] = createUpgradeHandler();
}
