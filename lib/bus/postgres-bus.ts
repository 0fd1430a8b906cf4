import { randomUUID } from "node:crypto";
import pg from "pg";
import type { Bus, BusHandler } from "./bus";

/** PostgreSQL's NOTIFY payload limit is 8000 bytes: larger messages travel in parts. */
const PART_BYTES = 7000;
/** One NOTIFY channel for all messages; the bus channel is in the payload (names are unbounded). */
const PG_CHANNEL = "runbox_bus";
/** Parts of a message not complete after this long are dropped (their sender died). */
const PART_TTL_MS = 30_000;

interface Envelope {
  /** bus channel */
  c: string;
  /** message id, part index, part count (only for messages in parts) */
  id?: string;
  i?: number;
  n?: number;
  /** JSON text (whole, or this part of it) */
  d: string;
}

/**
 * The bus over PostgreSQL LISTEN/NOTIFY: one dedicated connection listens (a listening session
 * cannot come from a pool), publishing uses a short pool. Every instance sharing the database
 * sees every message; delivery is at most once (a message published while an instance is
 * reconnecting is lost — runs' durable state is in the database, the bus only carries live
 * events and requests).
 */
export class PostgresBus implements Bus {
  private readonly pool: pg.Pool;
  private listener?: pg.Client;
  private connecting?: Promise<void>;
  private readonly channels = new Map<string, Set<BusHandler>>();
  private readonly partial = new Map<string, { parts: string[]; got: number; at: number }>();
  private closed = false;
  private sending: Promise<void> = Promise.resolve();

  constructor(private readonly config: pg.ClientConfig) {
    this.pool = new pg.Pool({ ...config, max: 4 });
  }

  private listen(): Promise<void> {
    this.connecting ??= (async () => {
      const client = new pg.Client(this.config);
      client.on("notification", (n) => {
        if (n.channel === PG_CHANNEL && n.payload) this.receive(n.payload);
      });
      // A dropped connection: listen again on the next subscribe or publish.
      const drop = () => {
        if (this.listener === client) this.listener = undefined;
        this.connecting = undefined;
        if (!this.closed && this.channels.size > 0) setTimeout(() => void this.listen().catch(() => {}), 1000);
      };
      client.on("error", drop);
      client.on("end", drop);
      await client.connect();
      await client.query(`LISTEN ${PG_CHANNEL}`);
      this.listener = client;
    })().catch((err) => {
      this.connecting = undefined;
      throw err;
    });
    return this.connecting;
  }

  private receive(payload: string) {
    let env: Envelope;
    try {
      env = JSON.parse(payload) as Envelope;
    } catch {
      return;
    }
    const handlers = this.channels.get(env.c);
    if (!handlers || handlers.size === 0) return;
    let text = env.d;
    if (env.id !== undefined && env.n !== undefined && env.i !== undefined) {
      const now = Date.now();
      for (const [k, v] of this.partial) if (now - v.at > PART_TTL_MS) this.partial.delete(k);
      const p = this.partial.get(env.id) ?? { parts: new Array<string>(env.n).fill(""), got: 0, at: now };
      if (p.parts[env.i] === "") p.got++;
      p.parts[env.i] = env.d;
      this.partial.set(env.id, p);
      if (p.got < env.n) return;
      this.partial.delete(env.id);
      text = p.parts.join("");
    }
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    for (const h of handlers) h(message);
  }

  async publish(channel: string, message: unknown): Promise<void> {
    const text = JSON.stringify(message);
    const envelopes: Envelope[] = [];
    if (Buffer.byteLength(text) + channel.length + 64 <= PART_BYTES) envelopes.push({ c: channel, d: text });
    else {
      // Cut by characters, counting bytes: a part never splits a character.
      const id = randomUUID();
      const parts: string[] = [];
      let cur = "";
      let bytes = 0;
      for (const ch of text) {
        const b = Buffer.byteLength(ch);
        if (bytes + b > PART_BYTES - channel.length - 120) {
          parts.push(cur);
          cur = "";
          bytes = 0;
        }
        cur += ch;
        bytes += b;
      }
      parts.push(cur);
      for (const [i, d] of parts.entries()) envelopes.push({ c: channel, id, i, n: parts.length, d });
    }
    // One after another, whoever calls: a run's events must arrive in the order they happened, and
    // two NOTIFYs on two pool connections could commit the other way round.
    const send = async () => {
      for (const e of envelopes) await this.pool.query("SELECT pg_notify($1, $2)", [PG_CHANNEL, JSON.stringify(e)]);
    };
    const done = this.sending.then(send, send);
    this.sending = done.catch(() => {});
    return done;
  }

  async subscribe(channel: string, handler: BusHandler): Promise<() => void> {
    let set = this.channels.get(channel);
    if (!set) {
      set = new Set();
      this.channels.set(channel, set);
    }
    set.add(handler);
    await this.listen();
    return () => {
      set.delete(handler);
      if (set.size === 0) this.channels.delete(channel);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.channels.clear();
    await Promise.allSettled([this.listener?.end(), this.pool.end()]);
  }
}
