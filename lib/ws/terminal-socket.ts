import "server-only";
import type { IncomingMessage } from "node:http";
import type { WebSocket } from "ws";
import { z } from "zod";
import { identityOf } from "../identity/current";
import { log } from "../log";
import { attachTerminal, canAttachTerminal, type LiveEvent, stopLiveRun } from "../runs/live-runs";
import type { SocketDeps } from "./api-run";
import { Connection, headersOf, parseMessage } from "./connection";

/** The run ids the playground's terminal socket is opened for: /api/runs/<id>/terminal. */
export const TERMINAL_PATH = /^\/api\/runs\/([\w-]{1,64})\/terminal$/;

const Size = { rows: z.number().int().min(1).max(999), cols: z.number().int().min(1).max(999) };
const ClientMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("input"), data: z.string() }).strict(),
  z.object({ type: z.literal("eof") }).strict(),
  z.object({ type: z.literal("signal"), signal: z.enum(["SIGINT", "SIGTERM", "SIGQUIT"]) }).strict(),
  z.object({ type: z.literal("resize"), ...Size }).strict(),
  z.object({ type: z.literal("stop") }).strict(),
]);

const sizeText = (bytes: number) => (bytes < 1024 ? `${bytes} bytes` : `${Math.floor(bytes / 1024)} KiB`);

/**
 * The owner id of a handshake, resolved as for every request: a signed-in user's session first
 * (their runs are stored under their user id), then the browser's signed owner cookie.
 */
async function ownerOfHandshake(req: IncomingMessage): Promise<string | null> {
  return (await identityOf(new Request("http://socket/", { headers: headersOf(req) }))).ownerId;
}

/**
 * The playground's terminal: a socket that follows one of the browser's own live runs (started
 * by the startRun action) and carries what the person types to it. Only the run's owner may open
 * it, and one socket at a time; others get the 404 any other run read gets. Events are the same
 * as /api/runs/{id}/events; closing the socket before the run ends stops it (nobody is watching).
 */
export async function terminalRoute(
  req: IncomingMessage,
  id: string,
  deps: SocketDeps,
): Promise<{ status: 404 | 409; message: string } | ((ws: WebSocket) => void)> {
  const owner = await ownerOfHandshake(req);
  const can = await canAttachTerminal(id, owner);
  if (can === null) return { status: 404, message: "This run does not exist or has ended." };
  if (can === "busy") return { status: 409, message: "Another terminal already follows this run." };
  return async (ws) => {
    const conn = new Connection(ws, deps.limits);
    let finished = false;
    let warned = false;
    // Messages that arrive while the run is being attached (on another instance: a round trip).
    type Message = Parameters<typeof parseMessage>;
    const early: Message[] = [];
    const hold = (...m: Message) => early.push(m);
    ws.on("message", hold);
    let attachment: Awaited<ReturnType<typeof attachTerminal>>;
    try {
      attachment = await attachTerminal(id, owner, (e: LiveEvent) => {
        // Stage results carry the whole output again; the terminal has it already.
        if (e.type === "stage-end") return;
        conn.send(e);
        if (e.type === "done" || e.type === "error") {
          finished = true;
          conn.close(1000, "done");
        }
      });
    } catch (err) {
      log.error({ err, run: id }, "could not attach a terminal");
      return conn.close(1011, "Something went wrong on the server.");
    }
    ws.off("message", hold);
    if (attachment === null) return conn.close(4004, "This run does not exist or has ended.");
    if (attachment === "busy") return conn.close(4009, "Another terminal already follows this run.");
    const onClose = () => {
      attachment.detach();
      if (!finished) void stopLiveRun(id, owner);
    };
    if (ws.readyState !== ws.OPEN) return onClose();
    ws.once("close", onClose);
    const onMessage = (...[data, isBinary]: Message) => {
      const raw = parseMessage(data, isBinary);
      const parsed = raw && raw !== "invalid-json" ? ClientMessage.safeParse(raw) : null;
      if (!parsed?.success) return conn.close(4004, "Invalid message");
      const m = parsed.data;
      conn.pace(m.type === "input" ? Buffer.byteLength(m.data) : 0);
      if (m.type === "stop") {
        void stopLiveRun(id, owner);
        return;
      }
      const control = attachment.control;
      if (!control) {
        if (m.type === "input" && !warned) {
          warned = true;
          conn.send({ type: "notice", message: "This run takes its input from the Input box only." });
        }
        return;
      }
      if (m.type === "input") {
        const overCap = control.inputBytes + Buffer.byteLength(m.data) > control.inputCapBytes;
        if (!control.write(m.data) && overCap && !warned) {
          warned = true;
          conn.send({
            type: "notice",
            message: `Input is limited to ${sizeText(control.inputCapBytes)} per run; the rest was not sent.`,
          });
        }
      } else if (m.type === "eof") control.end();
      else if (m.type === "signal") control.signal(m.signal);
      else control.resize(m.rows, m.cols);
    };
    for (const m of early) onMessage(...m);
    ws.on("message", onMessage);
  };
}
