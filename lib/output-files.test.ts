import { describe, expect, it } from "vitest";
import { outputFilesOf, withoutFileContents } from "./output-files";
import { outcomeOf } from "./runs/live-events";
import type { StageResult } from "./sandbox/types";

const bytes = Buffer.alloc(1024 * 1024, 1).toString("base64");
const run: StageResult = {
  stdout: "ok\n",
  stderr: "",
  output: "ok\n",
  exitCode: 0,
  signal: null,
  timedOut: false,
  outOfMemory: false,
  outputTruncated: false,
  wallTimeMs: 1,
  cpuTimeMs: 1,
  memoryBytes: 1,
  files: [
    { name: "figure-1.png", size: 1024 * 1024, type: "image/png", content: bytes },
    { name: "a.csv", size: 4, type: "text/csv", content: "YSxiCg==" },
  ],
  filesDropped: 1,
};

describe("output files as clients see them", () => {
  it("keeps names, sizes and types, never the bytes", () => {
    const light = withoutFileContents(run);
    expect(light.files?.map((f) => [f.name, f.size, f.type, f.content])).toEqual([
      ["figure-1.png", 1024 * 1024, "image/png", ""],
      ["a.csv", 4, "text/csv", ""],
    ]);
    expect(run.files?.[0]?.content).toBe(bytes);
    expect(withoutFileContents(null)).toBeNull();
  });

  it("sends a finished run's outcome to the playground without the bytes", () => {
    const outcome = outcomeOf({ status: "ok", run, limits: {} });
    expect(JSON.stringify(outcome).length).toBeLessThan(2048);
    expect(outputFilesOf(outcome.run)).toEqual({
      files: [
        { index: 0, name: "figure-1.png", size: 1024 * 1024, type: "image/png", image: true },
        { index: 1, name: "a.csv", size: 4, type: "text/csv", image: false },
      ],
      dropped: 1,
    });
  });
});
