import type { IncomingMessage } from "node:http";
import type { WebSocket } from "ws";
import { InputPacer } from "./input-pacer";

/** The handshake's headers as a fetch Headers (what lib/http reads addresses and cookies from). */
export function headersOf(req: IncomingMessage): Headers {
  const h = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (typeof v === "string") h.set(k, v);
    else if (Array.isArray(v)) for (const item of v) h.append(k, item);
  }
  return h;
}

/** A JSON message as received: an object with a string `type`, or null for anything else. */
export type Message = { type: string } & Record<string, unknown>;

export function parseMessage(
  data: Buffer | ArrayBuffer | Buffer[],
  isBinary: boolean,
): Message | null | "invalid-json" {
  if (isBinary) return null;
  const text = Array.isArray(data)
    ? Buffer.concat(data).toString("utf8")
    : Buffer.from(data as Buffer).toString("utf8");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return "invalid-json";
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const type = (value as { type?: unknown }).type;
  return typeof type === "string" ? (value as Message) : null;
}

/**
 * One socket's sending side and its input pacing. Sends are dropped once the socket is closing;
 * a close reason is cut to the 123 bytes WebSocket allows (a longer one throws in ws).
 */
export class Connection {
  private readonly pacer: InputPacer;
  private resumeTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly ws: WebSocket,
    rate: { inputBytesPerSec: number; inputMessagesPerSec: number },
  ) {
    this.pacer = new InputPacer(rate.inputBytesPerSec, rate.inputMessagesPerSec);
    ws.once("close", () => clearTimeout(this.resumeTimer));
  }

  get open(): boolean {
    return this.ws.readyState === this.ws.OPEN;
  }

  send(message: object): void {
    if (this.open) this.ws.send(JSON.stringify(message));
  }

  close(code: number, reason: string): void {
    if (this.ws.readyState === this.ws.CLOSED || this.ws.readyState === this.ws.CLOSING) return;
    let r = reason;
    while (Buffer.byteLength(r) > 123) r = r.slice(0, -1);
    this.ws.close(code, r);
  }

  /** Count a message of typed input; over the rate, stop reading the socket until it is earned back. */
  pace(bytes: number): void {
    const wait = this.pacer.take(bytes);
    if (wait <= 0 || this.ws.isPaused) return;
    this.ws.pause();
    this.resumeTimer = setTimeout(() => {
      if (this.open) this.ws.resume();
    }, wait);
  }
}
