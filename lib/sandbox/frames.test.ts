import { describe, expect, it } from "vitest";
import { DockerDemuxer, encodeJob, parseStageReport, RunnerFrameParser } from "./frames";

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
      parseStageReport("exit=3 signal=0 wall_ms=12 cpu_ms=4 maxrss_kb=2048 timed_out=1 truncated=0 oom=1"),
    ).toEqual({
      exit: 3,
      signal: 0,
      wallMs: 12,
      cpuMs: 4,
      maxrssKb: 2048,
      timedOut: true,
      truncated: false,
      oom: true,
    });
  });
});

describe("encodeJob", () => {
  it("length-prefixes every token, counting bytes not characters", () => {
    const job = encodeJob({
      env: ["A=é"],
      stages: [{ required: true, timeoutMs: 1000, outputLimit: 10, argv: ["echo", "hi"], stdin: "" }],
    }).toString("utf8");
    expect(job).toBe("3:RB11:14:A=é1:11:14:10002:101:24:echo2:hi0:");
  });
});
