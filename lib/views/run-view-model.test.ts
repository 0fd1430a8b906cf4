import { describe, expect, it } from "vitest";
import type { DebugReport } from "../debug/types";
import type { StageResult } from "../sandbox/types";
import { PreparedRun } from "./prepared-run";
import type { StoredRun } from "./run-parts";
import { CODE_BUDGET, runViewModel } from "./run-view-model";

const MiB = 1024 * 1024;
const stage = (stdout: string, stderr = ""): StageResult => ({
  stdout,
  stderr,
  output: stdout + stderr,
  exitCode: 0,
  signal: null,
  timedOut: false,
  outOfMemory: false,
  outputTruncated: false,
  wallTimeMs: 10,
  cpuTimeMs: 5,
  memoryBytes: 1000,
});
const run = (over: Partial<StoredRun>): StoredRun => ({
  language: "python",
  version: "3.11",
  files: [{ name: "main.py", content: "print(1)\n" }],
  stdin: "",
  args: [],
  status: "ok",
  limits: { timeoutMs: 5000 },
  compile: null,
  run: stage("1\n"),
  ...over,
});

/** Follow `next` from the first chunk to the end, as "Show more" does. */
function readAll(prepared: PreparedRun, part: string): string {
  let text = "";
  let offset: number | null = 0;
  while (offset !== null) {
    const found = prepared.chunk(part, offset);
    if (!found.ok) throw new Error(found.message);
    text += found.chunk.text;
    offset = found.chunk.next;
  }
  return text;
}

describe("runViewModel", () => {
  it("sends a short run in full", () => {
    const model = runViewModel(
      new PreparedRun(run({ stdin: "in\n" })),
      "r1",
      "/api/runs/r1/output",
      "/api/runs/r1/files",
    );
    expect(model.outputs).toEqual([
      { part: "run", text: "1\n", next: null, total: 2, style: {}, stage: "run", stream: "stdout" },
    ]);
    expect(model.files).toEqual([
      { name: "main.py", preview: expect.objectContaining({ text: "print(1)\n", next: null }) },
    ]);
    expect(model.stdin?.text).toBe("in\n");
    expect(model.run?.stdout).toBe("");
  });

  it("stays within a fixed size whatever was stored, and the rest is retrievable exactly", () => {
    const ansi = "\x1b[1mX\x1b[0mY".repeat(100_000).slice(0, MiB);
    const code = "x = '&<>'\n".repeat(MiB / 10);
    const files = [
      { name: "main.py", content: code },
      ...Array.from({ length: 31 }, (_, i) => ({ name: `m${i}.py`, content: "y".repeat(32 * 1024) })),
    ];
    const stored = run({
      files,
      stdin: "s".repeat(MiB),
      args: Array.from({ length: 64 }, () => "\x01".repeat(4096)),
      compile: stage("", "e".repeat(MiB)),
      run: stage(ansi, "\x1b[31m<b>err</b>\n".repeat(MiB / 16)),
    });
    const prepared = new PreparedRun(stored);
    const model = runViewModel(prepared, "r2", "/api/runs/r2/output", "/api/runs/r2/files");
    expect(JSON.stringify(model).length).toBeLessThan(512 * 1024);
    expect(model.outputs.map((o) => [o.part, o.stream, o.next !== null])).toEqual([
      ["compile", "stderr", true],
      ["run", "stdout", true],
    ]);
    // Files past the code budget are left for their tab to load.
    const loaded = model.files.filter((f) => f.preview.text !== "");
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.length).toBeLessThan(files.length);
    expect(model.files.filter((f) => f.preview.text === "").every((f) => f.preview.next === 0)).toBe(true);
    expect(loaded.reduce((n, f) => n + f.preview.text.length, 0)).toBeLessThanOrEqual(CODE_BUDGET);
    expect(model.args.length).toBeLessThanOrEqual(4097);

    expect(readAll(prepared, "run")).toBe(stored.run?.output);
    expect(readAll(prepared, "compile")).toBe("e".repeat(MiB));
    expect(readAll(prepared, "file-0")).toBe(code);
    expect(readAll(prepared, "file-31")).toBe("y".repeat(32 * 1024));
    expect(readAll(prepared, "stdin")).toBe("s".repeat(MiB));
  });

  it("answers a wrong offset or a missing part with a sentence, not a crash", () => {
    const prepared = new PreparedRun(run({ run: stage("a\n".repeat(5000)) }));
    expect(prepared.chunk("run", 1)).toMatchObject({ ok: false, status: 400 });
    expect(prepared.chunk("compile", 0)).toMatchObject({
      ok: false,
      status: 404,
      message: "This run has no compile output.",
    });
    expect(prepared.chunk("file-3", 0)).toMatchObject({ ok: false, status: 404 });
    expect(prepared.chunk("stdin", 0)).toMatchObject({ ok: false, status: 404 });
  });

  it("caps the locations of a report with thousands of compile errors", () => {
    const locations = Array.from({ length: 5000 }, (_, i) => ({ file: "main.c", line: i + 1, message: "error" }));
    const debug: DebugReport = {
      category: "compile",
      stage: "compile",
      title: "t",
      message: "m",
      locations,
      frames: [],
      hint: "h",
    };
    const model = runViewModel(new PreparedRun(run({ debug })), "r3", "/x", "/y");
    expect(model.debug?.locations).toHaveLength(50);
  });

  it("lists the run's output files without their bytes, which stay for the file routes", () => {
    const bytes = Buffer.alloc(3 * MiB, 7).toString("base64");
    const files = [
      { name: "figure-1.png", size: 3 * MiB, type: "image/png", content: bytes },
      { name: '"><img src=x>.csv', size: 4, type: "text/csv", content: "YSxiCg==" },
    ];
    const prepared = new PreparedRun(run({ run: { ...stage("1\n"), files, filesDropped: 2 } }));
    const model = runViewModel(prepared, "r4", "/api/runs/r4/output", "/api/runs/r4/files");
    expect(model.outputFiles).toEqual([
      { index: 0, name: "figure-1.png", size: 3 * MiB, type: "image/png", image: true },
      { index: 1, name: '"><img src=x>.csv', size: 4, type: "text/csv", image: false },
    ]);
    expect(model.filesDropped).toBe(2);
    expect(model.filesEndpoint).toBe("/api/runs/r4/files");
    expect(JSON.stringify(model).length).toBeLessThan(16 * 1024);
    expect(JSON.stringify(prepared.meta)).not.toContain(bytes.slice(0, 64));
    expect(prepared.outputFiles[0]?.content).toBe(bytes);
    expect(prepared.bytes()).toBeGreaterThan(bytes.length);
  });
});
