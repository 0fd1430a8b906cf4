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

export type RunnerFrameType = "h" | "b" | "o" | "e" | "f" | "a" | "r" | "d" | "x";

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

/** The runner protocol this server speaks (rbrun's hello says "rbrun 2"). */
export const RUNNER_PROTOCOL = 2;

export interface RunnerStageReport {
  exit: number;
  signal: number;
  wallMs: number;
  cpuMs: number;
  maxrssKb: number;
  timedOut: boolean;
  cpuExceeded: boolean;
  idleExceeded: boolean;
  truncated: boolean;
  oom: boolean;
  /** Output files sent, and those left out because they passed a cap. */
  files: number;
  filesDropped: number;
  /** Compiled files left out of an artifacts transfer (over its cap). */
  artifactsDropped: number;
}

/** Parses an 'r' frame: "exit=0 signal=0 wall_ms=12 cpu_ms=3 maxrss_kb=1624 timed_out=0 …". */
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
    cpuExceeded: v.cpu_exceeded === 1,
    idleExceeded: v.idle_exceeded === 1,
    truncated: v.truncated === 1,
    oom: v.oom === 1,
    files: v.files ?? 0,
    filesDropped: v.files_dropped ?? 0,
    artifactsDropped: v.artifacts_dropped ?? 0,
  };
}

/** Parses an 'f' frame: "<n>:<name>" then the file's bytes. */
export function parseOutputFile(data: Buffer): { name: string; content: Buffer } | undefined {
  const colon = data.indexOf(0x3a);
  if (colon <= 0 || colon > 10) return undefined;
  const n = Number(data.subarray(0, colon).toString("latin1"));
  if (!Number.isInteger(n) || colon + 1 + n > data.length) return undefined;
  return { name: data.subarray(colon + 1, colon + 1 + n).toString("utf8"), content: data.subarray(colon + 1 + n) };
}

/** Parses an 'a' frame: "<n>:<path><n>:<mode>" then the file's bytes (a compiled file). */
export function parseArtifact(data: Buffer): JobFile | undefined {
  const name = parseOutputFile(data);
  if (!name) return undefined;
  const mode = parseOutputFile(name.content);
  if (!mode) return undefined;
  return {
    root: "runbox",
    name: name.name,
    content: mode.content,
    executable: mode.name === "755",
  };
}

/** Stage flags of protocol 2 (images/runtime/rbrun.c). */
export const STAGE_FLAGS = {
  /** A failure ends the job (the compile stage). */
  required: 1,
  /** Afterwards, empty /tmp (but /tmp/runbox), /dev/shm and SysV IPC. */
  scrubAfter: 2,
  /** Before, restore /box and /tmp/runbox as they were when the first fresh stage began. */
  fresh: 4,
  /** The program's stdin, stdout and stderr are a pseudo-terminal. */
  tty: 8,
  /** Stdin stays open: input arrives as control tokens while the program runs. */
  interactive: 16,
  /** Afterwards, send the regular files under /box/out. */
  collect: 32,
  /** Afterwards, if it succeeded, send the files under /tmp/runbox (what a compiler made). */
  artifacts: 64,
} as const;
export type StageFlag = keyof typeof STAGE_FLAGS;

export interface JobFile {
  /** Where the file goes: the work folder (/box, the default) or the compiler's /tmp/runbox. */
  root?: "box" | "runbox";
  name: string;
  content: Buffer;
  executable?: boolean;
}

export interface JobStageSpec {
  flags: StageFlag[];
  timeoutMs: number;
  /** 0: no CPU-time limit beyond the wall clock. */
  cpuMs: number;
  /** 0: no idle limit (interactive stages only). */
  idleMs: number;
  /** Bytes kept per stream; the program is killed past it. */
  outputLimit: number;
  outFilesMax: number;
  outBytesMax: number;
  env: string[];
  argv: string[];
  stdin: string;
  /**
   * A terminal stage's size at start: sent as a resize right behind the job, which rbrun applies
   * before the program starts (a program may ask for it at once).
   */
  size?: { rows: number; cols: number };
}

function tokens(parts: Buffer[]) {
  return (v: string | number | Buffer) => {
    const b = Buffer.isBuffer(v) ? v : Buffer.from(String(v), "utf8");
    parts.push(Buffer.from(`${b.length}:`), b);
  };
}

/** Encodes a job for rbrun (protocol 2): files first, then the stages. */
export function encodeJob(job: { files: JobFile[]; stages: JobStageSpec[] }): Buffer {
  const parts: Buffer[] = [];
  const tok = tokens(parts);
  tok("RB2");
  tok(job.files.length);
  for (const f of job.files) {
    tok(f.root ?? "box");
    tok(f.name);
    tok(f.executable ? "755" : "644");
    tok(f.content);
  }
  tok(job.stages.length);
  for (const s of job.stages) {
    tok(s.flags.reduce((n, f) => n | STAGE_FLAGS[f], 0));
    tok(Math.max(1, Math.round(s.timeoutMs)));
    tok(Math.max(0, Math.round(s.cpuMs)));
    tok(Math.max(0, Math.round(s.idleMs)));
    tok(s.outputLimit);
    tok(s.outFilesMax);
    tok(s.outBytesMax);
    tok(s.env.length);
    for (const e of s.env) tok(e);
    tok(s.argv.length);
    for (const a of s.argv) tok(a);
    tok(s.stdin);
  }
  for (const s of job.stages) if (s.size) parts.push(encodeControl({ type: "resize", ...s.size }));
  return Buffer.concat(parts);
}

/** A control message for a running interactive stage. */
export type RunnerControl =
  | { type: "input"; data: Buffer | string }
  | { type: "eof" }
  | { type: "signal"; signal: number }
  | { type: "resize"; rows: number; cols: number };

export function encodeControl(c: RunnerControl): Buffer {
  const parts: Buffer[] = [];
  const tok = tokens(parts);
  switch (c.type) {
    case "input":
      tok(Buffer.concat([Buffer.from("i"), Buffer.isBuffer(c.data) ? c.data : Buffer.from(c.data, "utf8")]));
      break;
    case "eof":
      tok("e");
      break;
    case "signal":
      tok(`k${Math.trunc(c.signal)}`);
      break;
    case "resize":
      tok(`w${Math.trunc(c.rows)} ${Math.trunc(c.cols)}`);
      break;
  }
  return Buffer.concat(parts);
}
