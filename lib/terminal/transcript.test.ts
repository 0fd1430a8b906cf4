import { describe, expect, it } from "vitest";
import { cookTranscript, TranscriptCooker } from "./transcript";

describe("cookTranscript", () => {
  it("turns CR LF into newlines and keeps colours", () => {
    expect(cookTranscript("What is your name? Ana\r\nHello, \x1b[31mAna\x1b[0m!\r\n")).toBe(
      "What is your name? Ana\nHello, \x1b[31mAna\x1b[0m!\n",
    );
  });

  it("applies the line discipline's erase echo", () => {
    expect(cookTranscript("Name? Anx\b \ba\r\nHi\r\n")).toBe("Name? Ana\nHi\n");
    // Erasing past the start of what was typed stops at the line's start.
    expect(cookTranscript("ab\b\b\b\bc\r\n")).toBe("cb\n");
  });

  it("returns to the line's start on a lone CR and overwrites (progress bars)", () => {
    expect(cookTranscript("10%\r20%\r100%\n")).toBe("100%\n");
    expect(cookTranscript("loading...\rdone\x1b[K\n")).toBe("done\n");
  });

  it("drops cursor movement, screen clears, titles and other control characters", () => {
    expect(cookTranscript("\x1b[2J\x1b[Ha\x07b\x1b]0;title\x07c\x00\n")).toBe("abc\n");
  });

  it("keeps characters outside the BMP whole when overwriting", () => {
    expect(cookTranscript("😀x\bé\n")).toBe("😀é\n");
    expect(cookTranscript("a😀\b\bb\n")).toBe("b😀\n");
  });

  it("gives the same text whatever way the output was split", () => {
    const raw = "Name? Anx\b \ba\r\n\x1b[1;31mred\x1b[0m 😀\r\n10%\r99%\r\ndone";
    const whole = cookTranscript(raw);
    for (let cut = 1; cut < raw.length; cut++) {
      const c = new TranscriptCooker();
      c.push(raw.slice(0, cut));
      const first = c.take();
      c.push(raw.slice(cut));
      const second = c.take();
      expect(first.committed + second.committed + second.tail).toBe(whole);
    }
  });

  it("hands out finished lines once and shows the current line as it is", () => {
    const c = new TranscriptCooker();
    c.push("a\r\nPrompt? ");
    expect(c.take()).toEqual({ committed: "a\n", tail: "Prompt? " });
    c.push("xy\b \b");
    expect(c.take()).toEqual({ committed: "", tail: "Prompt? x " });
  });

  it("is linear in hostile input", () => {
    const raw = `${"x\b".repeat(200_000)}${"\x1b[".repeat(100_000)}\n${"a".repeat(1_000_000)}\r\n`;
    const t = Date.now();
    cookTranscript(raw);
    // A generous budget measured in this process: a quadratic pass would take minutes.
    expect(Date.now() - t).toBeLessThan(5000);
  });
});
