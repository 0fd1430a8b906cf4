import type { IncomingHttpHeaders } from "node:http";
import WebSocket from "ws";

export type Msg = Record<string, unknown> & { type: string };

/** A WebSocket client for tests: keeps every message, waits for conditions, reports how it closed. */
export class TestSocket {
  readonly messages: Msg[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  /** The headers of the server's 101 answer. */
  handshakeHeaders?: IncomingHttpHeaders;
  private waiters: (() => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.once("upgrade", (res) => {
      this.handshakeHeaders = res.headers;
    });
    ws.on("message", (data) => {
      this.messages.push(JSON.parse(data.toString()) as Msg);
      for (const w of this.waiters.splice(0)) w();
    });
    this.closed = new Promise((resolve) =>
      ws.once("close", (code, reason) => {
        resolve({ code, reason: reason.toString() });
        for (const w of this.waiters.splice(0)) w();
      }),
    );
  }

  /** Open a socket; rejects with the HTTP status when the handshake is refused. */
  static open(url: string, opts: { headers?: Record<string, string>; origin?: string } = {}): Promise<TestSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers: opts.headers, ...(opts.origin ? { origin: opts.origin } : {}) });
      const socket = new TestSocket(ws);
      ws.once("open", () => resolve(socket));
      ws.once("unexpected-response", (_req, res) => {
        reject(new HttpRefusal(res.statusCode ?? 0));
        ws.terminate();
      });
      ws.once("error", (err) => reject(err));
    });
  }

  send(message: object): void {
    this.ws.send(JSON.stringify(message));
  }

  sendRaw(text: string): void {
    this.ws.send(text);
  }

  /** The first message (from the start) that matches, waiting up to `timeoutMs`. */
  async until(match: (m: Msg) => boolean, timeoutMs = 30_000): Promise<Msg> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(match);
      if (found) return found;
      if (this.ws.readyState === WebSocket.CLOSED) throw new Error(`closed before a match; got ${this.describe()}`);
      if (Date.now() > deadline) throw new Error(`no match in ${timeoutMs} ms; got ${this.describe()}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  /** Wait until the concatenated output (`data` or `output` messages) contains `text`. */
  async untilOutput(text: string, timeoutMs = 30_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const out = this.output();
      if (out.includes(text)) return out;
      if (Date.now() > deadline || this.ws.readyState === WebSocket.CLOSED)
        throw new Error(`output never contained ${JSON.stringify(text)}: ${JSON.stringify(out)}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  /** Everything the program printed so far, in order. */
  output(): string {
    return this.messages
      .filter((m) => m.type === "data" || (m.type === "output" && typeof m.data === "string"))
      .map((m) => String(m.data))
      .join("")
      .concat(
        this.messages
          .filter((m) => m.type === "output" && typeof m.text === "string")
          .map((m) => String(m.text))
          .join(""),
      );
  }

  types(): string[] {
    return this.messages.map((m) => m.type);
  }

  private describe(): string {
    return JSON.stringify(this.messages).slice(0, 2000);
  }
}

export class HttpRefusal extends Error {
  constructor(readonly status: number) {
    super(`handshake refused with HTTP ${status}`);
  }
}
