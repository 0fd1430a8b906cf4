import { describe, expect, it } from "vitest";
import { StageOutput } from "./output";

describe("StageOutput", () => {
  it("keeps a multi-byte character split across chunks", () => {
    const out = new StageOutput(1024);
    const bytes = Buffer.from("héllo €", "utf8");
    for (const b of bytes) out.push("stdout", Buffer.from([b]));
    out.finish();
    expect(out.stdout).toBe("héllo €");
  });

  it("turns invalid UTF-8 into U+FFFD so the result is valid JSON", () => {
    const out = new StageOutput(1024);
    out.push("stdout", Buffer.from([0x61, 0xff, 0xfe, 0x62]));
    out.push("stdout", Buffer.from([0xe2, 0x82])); // a dangling partial character
    out.finish();
    expect(out.stdout).toBe("a\uFFFD\uFFFDb\uFFFD");
    expect(JSON.parse(JSON.stringify(out.stdout))).toBe(out.stdout);
  });

  it("caps each stream separately and flags truncation", () => {
    const out = new StageOutput(4);
    out.push("stdout", Buffer.from("abcdef"));
    out.push("stderr", Buffer.from("xy"));
    out.push("stdout", Buffer.from("more"));
    out.finish();
    expect(out.stdout).toBe("abcd");
    expect(out.stderr).toBe("xy");
    expect(out.output).toBe("abcdxy");
    expect(out.truncated).toBe(true);
  });

  it("interleaves streams in arrival order", () => {
    const out = new StageOutput(100);
    out.push("stdout", Buffer.from("1"));
    out.push("stderr", Buffer.from("2"));
    out.push("stdout", Buffer.from("3"));
    expect(out.output).toBe("123");
    expect(out.truncated).toBe(false);
  });
});
