import { Duplex } from "node:stream";
import type Docker from "dockerode";
import type { ListedContainer, SandboxBackend } from "../docker";
import { SandboxUnavailable } from "../errors";

/** Docker's attach framing of one stdout chunk. */
function dockerFrame(data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head[0] = 1;
  head.writeUInt32BE(data.length, 4);
  return Buffer.concat([head, data]);
}

/** rbrun's framing. */
export function runnerFrame(type: string, stage: number, data: string | Buffer = ""): Buffer {
  const body = Buffer.isBuffer(data) ? data : Buffer.from(data);
  const head = Buffer.alloc(6);
  head[0] = type.charCodeAt(0);
  head[1] = stage;
  head.writeUInt32BE(body.length, 2);
  return Buffer.concat([head, body]);
}

interface FakeContainer {
  id: string;
  spec: Docker.ContainerCreateOptions;
  stream: Duplex;
  createdAt: number;
  /** What the server wrote to the container's stdin. */
  written: Buffer[];
}

/**
 * A Docker stand-in for unit tests of pure engine logic (pool sizing, reaping, deadlines):
 * containers are records; each "starts" by saying rbrun's hello and answers every job with
 * `answer` (default: one successful stage and done).
 */
export class FakeBackend implements SandboxBackend {
  readonly containers = new Map<string, FakeContainer>();
  readonly removed: string[] = [];
  opened = 0;
  /** Make the next opens fail: "refused" like a bad spec, or "down" like an outage. */
  failNext: { kind: "refused" | "down"; times: number } | undefined;
  /** The engine stops answering pings. */
  down = false;
  /** Images this engine has (undefined: all of them). */
  images: Set<string> | undefined;
  answer: (job: Buffer) => Buffer[] = () => [
    runnerFrame("b", 0),
    runnerFrame("r", 0, "exit=0 signal=0"),
    runnerFrame("d", 0),
  ];
  private seq = 0;

  constructor(private readonly now: () => number = Date.now) {}

  async open(spec: Docker.ContainerCreateOptions) {
    if (this.failNext && this.failNext.times > 0) {
      this.failNext.times--;
      if (this.failNext.kind === "down") throw new SandboxUnavailable("The Docker engine is not reachable.");
      throw Object.assign(new Error("invalid spec"), { statusCode: 400 });
    }
    const id = `fake${++this.seq}`;
    const written: Buffer[] = [];
    const stream: Duplex = new Duplex({
      read() {},
      write: (chunk: Buffer, _enc, done) => {
        written.push(chunk);
        for (const f of this.answer(chunk)) stream.push(dockerFrame(f));
        done();
      },
    });
    this.containers.set(id, { id, spec, stream, createdAt: this.now(), written });
    this.opened++;
    queueMicrotask(() => stream.push(dockerFrame(runnerFrame("h", 0, "rbrun 2"))));
    return { id, stream };
  }

  async update() {}
  async kill() {}

  async remove(id: string) {
    const c = this.containers.get(id);
    if (!c) return;
    this.containers.delete(id);
    this.removed.push(id);
    c.stream.push(null);
  }

  async oomKilled() {
    return false;
  }

  async list(label: string): Promise<ListedContainer[]> {
    const [key, value] = label.split("=");
    return [...this.containers.values()]
      .filter((c) => key && c.spec.Labels?.[key] === value)
      .map((c) => ({ id: c.id, labels: c.spec.Labels ?? {}, createdAt: c.createdAt }));
  }

  async ping() {
    if (this.down) throw new SandboxUnavailable("The Docker engine is not reachable.");
    return { version: "fake" };
  }

  async hasImage(image: string) {
    return this.images ? this.images.has(image) : true;
  }
}
