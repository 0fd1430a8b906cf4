import { describe, expect, it } from "vitest";
import type { StageResult } from "../sandbox/types";
import { interleave, interleaving, packStage, unpackStage } from "./stage-codec";

/** A stage as StageOutput builds it: chunks appended to their stream and to output in order. */
function stageOf(chunks: [0 | 1, string][]): StageResult {
  let stdout = "";
  let stderr = "";
  let output = "";
  for (const [stream, text] of chunks) {
    if (stream === 0) stdout += text;
    else stderr += text;
    output += text;
  }
  return {
    stdout,
    stderr,
    output,
    exitCode: 1,
    signal: null,
    timedOut: false,
    outOfMemory: false,
    outputTruncated: true,
    wallTimeMs: 12,
    cpuTimeMs: 3,
    memoryBytes: 4096,
  };
}

const roundTrip = (stage: StageResult) => unpackStage(JSON.parse(JSON.stringify(packStage(stage))));

describe("stage codec", () => {
  it("stores the interleaved output once, as run lengths, and rebuilds it exactly", () => {
    const stage = stageOf([
      [0, "héllo "],
      [1, "⚠ wärning\n"],
      [0, "wörld 🎉\n"],
      [1, "💥 \uD83D"],
      [0, "done"],
    ]);
    const packed = packStage(stage);
    expect(packed).not.toHaveProperty("output");
    expect(packed.o).toBeUndefined();
    expect(packed.i).toEqual([6, 10, 9, 4, 4]);
    expect(roundTrip(stage)).toEqual(stage);
    expect(Object.keys(roundTrip(stage))).toEqual(Object.keys(stage));
  });

  it("round-trips empty streams and a single stream", () => {
    for (const stage of [stageOf([]), stageOf([[0, "only out"]]), stageOf([[1, "only err"]])]) {
      expect(roundTrip(stage)).toEqual(stage);
    }
  });

  it("finds an interleaving when both streams start alike", () => {
    const stage = stageOf([
      [0, "ab"],
      [1, "a"],
      [0, "ab"],
      [1, "abc"],
    ]);
    const runs = interleaving(stage.stdout, stage.stderr, stage.output);
    expect(runs).not.toBeNull();
    expect(interleave(stage.stdout, stage.stderr, runs ?? [])).toBe(stage.output);
    expect(roundTrip(stage)).toEqual(stage);
  });

  it("keeps an output that is not an interleaving verbatim", () => {
    const stage = { ...stageOf([[0, "out"]]), output: "something else" };
    expect(interleaving(stage.stdout, stage.stderr, stage.output)).toBeNull();
    expect(packStage(stage).o).toBe("something else");
    expect(roundTrip(stage)).toEqual(stage);
  });

  it("keeps the output verbatim when the run map would be longer than the text", () => {
    const chunks: [0 | 1, string][] = [];
    for (let i = 0; i < 2000; i++) chunks.push([(i % 2) as 0 | 1, i % 2 ? "e" : "o"]);
    const stage = stageOf(chunks);
    const packed = packStage(stage);
    expect(packed.i).toBeUndefined();
    expect(packed.o).toBe(stage.output);
    expect(roundTrip(stage)).toEqual(stage);
  });

  it("takes linear time on adversarial input (a megabyte of alternating lookalikes)", () => {
    const chunks: [0 | 1, string][] = [];
    for (let i = 0; i < 4096; i++) chunks.push([(i % 2) as 0 | 1, "a".repeat(255) + (i % 2 ? "b" : "a")]);
    const stage = stageOf(chunks);
    const runs = interleaving(stage.stdout, stage.stderr, stage.output);
    if (runs) expect(interleave(stage.stdout, stage.stderr, runs)).toBe(stage.output);
    expect(roundTrip(stage)).toEqual(stage);
  });
});

describe("stage codec on random interleavings", () => {
  /** Deterministic pseudo-random numbers, so a failure can be replayed. */
  function rng(seed: number) {
    let state = seed;
    return (n: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return Math.floor(state / 65536) % n;
    };
  }
  const text = (rand: (n: number) => number, alphabet: string, length: number) =>
    Array.from({ length }, () => alphabet[rand(alphabet.length)]).join("");

  /** Random chunks on random streams; how many interleavings were found (all must round-trip). */
  function trial(alphabet: string, cases: number) {
    let found = 0;
    for (let seed = 1; seed <= cases; seed++) {
      const rand = rng(seed);
      const chunks: [0 | 1, string][] = [];
      for (let i = 0; i < 30; i++) chunks.push([rand(2) as 0 | 1, text(rand, alphabet, 1 + rand(seed % 2 ? 40 : 400))]);
      const stage = stageOf(chunks);
      if (packStage(stage).i) found++;
      expect(roundTrip(stage)).toEqual(stage);
    }
    return found;
  }

  it("rebuilds every interleaving exactly, and finds nearly all of text's", () => {
    expect(trial("abcdefghijklmnopqrstuvwxyz0123456789 \n+/🎉é", 200)).toBeGreaterThan(190);
  });

  it("rebuilds two-letter lookalikes exactly (this pass gives up on most: kept verbatim, they compress well)", () => {
    trial("ab", 200);
  });

  it("finds the interleaving of base64-like chunks (where greedy matching overshoots)", () => {
    const rand = rng(7);
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (let trial = 0; trial < 20; trial++) {
      const chunks: [0 | 1, string][] = [];
      for (let i = 0; i < 34; i++) chunks.push([(i % 2) as 0 | 1, text(rand, alphabet, 2048)]);
      const stage = stageOf(chunks);
      expect(interleaving(stage.stdout, stage.stderr, stage.output)).not.toBeNull();
    }
  });
});
