import { describe, expect, it } from "vitest";
import {
  DockerDemuxer,
  encodeControl,
  encodeJob,
  parseArtifact,
  parseOutputFile,
  parseStageReport,
  RunnerFrameParser,
} from "./frames";

function dockerFrame(stream: number, data: string) {
  const body = Buffer.from(data);
  const head = Buffer.alloc(8);
  head[0] = stream;
  head.writeUInt32BE(body.length, 4);
  return Buffer.concat([head, body]);
}

function runnerFrame(type: string, stage: number, data: string) {
  const body = Buffer.from(data);
  const head = Buffer.alloc(6);
  head[0] = type.charCodeAt(0);
  head[1] = stage;
  head.writeUInt32BE(body.length, 2);
  return Buffer.concat([head, body]);
}

describe("DockerDemuxer", () => {
  it("reassembles frames split at any byte", () => {
    const all = Buffer.concat([dockerFrame(1, "hello"), dockerFrame(2, "oops"), dockerFrame(1, "")]);
    const demux = new DockerDemuxer();
    const got = [];
    for (const b of all) got.push(...demux.push(Buffer.from([b])));
    expect(got.map((c) => [c.stream, c.data.toString()])).toEqual([
      [1, "hello"],
      [2, "oops"],
      [1, ""],
    ]);
  });
});

describe("RunnerFrameParser", () => {
  it("parses several frames from one chunk and keeps a partial one", () => {
    const parser = new RunnerFrameParser();
    const whole = Buffer.concat([runnerFrame("o", 0, "out"), runnerFrame("r", 1, "exit=0")]);
    const got = parser.push(Buffer.concat([whole, runnerFrame("d", 0, "").subarray(0, 3)]));
    expect(got.map((f) => [f.type, f.stage, f.data.toString()])).toEqual([
      ["o", 0, "out"],
      ["r", 1, "exit=0"],
    ]);
    expect(parser.push(runnerFrame("d", 0, "").subarray(3)).map((f) => f.type)).toEqual(["d"]);
  });
});

describe("parseStageReport", () => {
  it("reads every field", () => {
    expect(
      parseStageReport(
        "exit=3 signal=0 wall_ms=12 cpu_ms=4 maxrss_kb=2048 timed_out=1 cpu_exceeded=1 idle_exceeded=0 truncated=0 oom=1 files=2 files_dropped=5",
      ),
    ).toEqual({
      exit: 3,
      signal: 0,
      wallMs: 12,
      cpuMs: 4,
      maxrssKb: 2048,
      timedOut: true,
      cpuExceeded: true,
      idleExceeded: false,
      truncated: false,
      oom: true,
      files: 2,
      filesDropped: 5,
      artifactsDropped: 0,
    });
  });
});

describe("encodeJob", () => {
  it("length-prefixes every token, counting bytes not characters: files first, then stages", () => {
    const job = encodeJob({
      files: [{ name: "é.py", content: Buffer.from("x") }],
      stages: [
        {
          flags: ["required", "scrubAfter"],
          timeoutMs: 1000,
          cpuMs: 0,
          idleMs: 0,
          outputLimit: 10,
          outFilesMax: 0,
          outBytesMax: 0,
          env: ["A=é"],
          argv: ["echo", "hi"],
          stdin: "",
        },
      ],
    }).toString("utf8");
    expect(job).toBe("3:RB21:13:box5:é.py3:6441:x1:11:34:10001:01:02:101:01:01:14:A=é1:24:echo2:hi0:");
  });

  it("sends a terminal stage's starting size right behind the job", () => {
    const stage = {
      flags: ["tty", "interactive"] as const,
      timeoutMs: 1000,
      cpuMs: 0,
      idleMs: 0,
      outputLimit: 10,
      outFilesMax: 0,
      outBytesMax: 0,
      env: [],
      argv: ["sh"],
      stdin: "",
    };
    const plain = encodeJob({ files: [], stages: [{ ...stage, flags: [...stage.flags] }] }).toString();
    const sized = encodeJob({
      files: [],
      stages: [{ ...stage, flags: [...stage.flags], size: { rows: 30, cols: 100 } }],
    });
    expect(sized.toString()).toBe(`${plain}7:w30 100`);
  });
});

describe("encodeControl", () => {
  it("encodes input, end of input, signals and sizes as single tokens", () => {
    expect(encodeControl({ type: "input", data: "héllo" }).toString("utf8")).toBe("7:ihéllo");
    expect(encodeControl({ type: "eof" }).toString()).toBe("1:e");
    expect(encodeControl({ type: "signal", signal: 2 }).toString()).toBe("2:k2");
    expect(encodeControl({ type: "resize", rows: 24, cols: 80 }).toString()).toBe("6:w24 80");
  });
});

describe("parseArtifact", () => {
  it("reads a compiled file's path, mode and bytes", () => {
    const a = parseArtifact(Buffer.concat([Buffer.from("3:app3:755"), Buffer.from([0x7f, 0x45])]));
    expect(a).toEqual({ root: "runbox", name: "app", executable: true, content: Buffer.from([0x7f, 0x45]) });
  });
});

describe("parseOutputFile", () => {
  it("splits the name from the bytes and refuses malformed frames", () => {
    const f = parseOutputFile(Buffer.concat([Buffer.from("8:plot.png"), Buffer.from([0x89, 0x50])]));
    expect(f?.name).toBe("plot.png");
    expect([...(f?.content ?? [])]).toEqual([0x89, 0x50]);
    expect(parseOutputFile(Buffer.from("99:x"))).toBeUndefined();
    expect(parseOutputFile(Buffer.from("nope"))).toBeUndefined();
  });
});
