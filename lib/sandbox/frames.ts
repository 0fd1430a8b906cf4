/**
 * Two byte-stream parsers: Docker's attach multiplexing (8-byte headers) and the frames
 * rbrun writes on the container's stdout (6-byte headers; see images/runtime/rbrun.c).
 */

class ByteQueue {
  private buf: Buffer = Buffer.alloc(0);
  push(chunk: Buffer): void {
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
  }
  /** Takes `n` bytes after a header of `head` bytes, or undefined when not all there yet. */
  take(head: number, lengthAt: number): { header: Buffer; body: Buffer } | undefined {
    if (this.buf.length < head) return undefined;
    const len = this.buf.readUInt32BE(lengthAt);
    if (this.buf.length < head + len) return undefined;
    const header = this.buf.subarray(0, head);
    const body = this.buf.subarray(head, head + len);
    this.buf = this.buf.subarray(head + len);
    return { header, body };
  }
}

export interface DockerChunk {
  /** 0 stdin, 1 stdout, 2 stderr */
  stream: number;
  data: Buffer;
}

/** Splits Docker's multiplexed attach stream (non-TTY) into stdout/stderr chunks. */
export class DockerDemuxer {
  private readonly queue = new ByteQueue();
  push(chunk: Buffer): DockerChunk[] {
    this.queue.push(chunk);
    const out: DockerChunk[] = [];
    for (let f = this.queue.take(8, 4); f; f = this.queue.take(8, 4)) {
      out.push({ stream: f.header[0] ?? 1, data: f.body });
    }
    return out;
  }
}

export type RunnerFrameType = "h" | "o" | "e" | "r" | "d" | "x";

export interface RunnerFrame {
  type: RunnerFrameType;
  stage: number;
  data: Buffer;
}

/** Parses rbrun's frames from the container's stdout bytes. */
export class RunnerFrameParser {
  private readonly queue = new ByteQueue();
  push(chunk: Buffer): RunnerFrame[] {
    this.queue.push(chunk);
    const out: RunnerFrame[] = [];
    for (let f = this.queue.take(6, 2); f; f = this.queue.take(6, 2)) {
      out.push({
        type: String.fromCharCode(f.header[0] ?? 0) as RunnerFrameType,
        stage: f.header[1] ?? 0,
        data: f.body,
      });
    }
    return out;
  }
}

export interface RunnerStageReport {
  exit: number;
  signal: number;
  wallMs: number;
  cpuMs: number;
  maxrssKb: number;
  timedOut: boolean;
  truncated: boolean;
  oom: boolean;
}

/** Parses an 'r' frame: "exit=0 signal=0 wall_ms=12 cpu_ms=3 maxrss_kb=1624 timed_out=0 truncated=0 oom=0". */
export function parseStageReport(text: string): RunnerStageReport {
  const v: Record<string, number> = {};
  for (const pair of text.trim().split(/\s+/)) {
    const [k, n] = pair.split("=");
    if (k && n !== undefined) v[k] = Number(n);
  }
  return {
    exit: v.exit ?? -1,
    signal: v.signal ?? 0,
    wallMs: v.wall_ms ?? 0,
    cpuMs: v.cpu_ms ?? 0,
    maxrssKb: v.maxrss_kb ?? 0,
    timedOut: v.timed_out === 1,
    truncated: v.truncated === 1,
    oom: v.oom === 1,
  };
}

/** Encodes a job for rbrun: a sequence of "<length>:<bytes>" tokens. */
export function encodeJob(job: {
  env: string[];
  stages: { required: boolean; timeoutMs: number; outputLimit: number; argv: string[]; stdin: string }[];
}): Buffer {
  const parts: Buffer[] = [];
  const tok = (v: string | number | boolean) => {
    const b = Buffer.from(typeof v === "boolean" ? (v ? "1" : "0") : String(v), "utf8");
    parts.push(Buffer.from(`${b.length}:`), b);
  };
  tok("RB1");
  tok(job.env.length);
  for (const e of job.env) tok(e);
  tok(job.stages.length);
  for (const s of job.stages) {
    tok(s.required);
    tok(Math.max(1, Math.round(s.timeoutMs)));
    tok(s.outputLimit);
    tok(s.argv.length);
    for (const a of s.argv) tok(a);
    tok(s.stdin);
  }
  return Buffer.concat(parts);
}
