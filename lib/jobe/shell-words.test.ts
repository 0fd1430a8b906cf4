import { describe, expect, it } from "vitest";
import { shellWords, splitArgs } from "./shell-words";

const words = (s: string) => {
  const r = shellWords(s);
  if (!r.ok) throw new Error(r.error);
  return r.words;
};

describe("shellWords", () => {
  it("splits on blanks, as sh does", () => {
    expect(words("-x c")).toEqual(["-x", "c"]);
    expect(words("  -Wall\t-Werror \n")).toEqual(["-Wall", "-Werror"]);
    expect(words("")).toEqual([]);
  });

  it("honours double quotes and their backslash escapes (Jobe's own test)", () => {
    expect(words('-c "print(\\"Blah\\")"')).toEqual(["-c", 'print("Blah")']);
    // Other backslashes inside double quotes stay.
    expect(words('"a\\nb"')).toEqual(["a\\nb"]);
  });

  it("honours single quotes in the middle of a word (CodeRunner's runargs)", () => {
    expect(words("quizname='Week 1 quiz'")).toEqual(["quizname=Week 1 quiz"]);
    expect(words("'$HOME; rm -rf *'")).toEqual(["$HOME; rm -rf *"]);
    expect(words("''")).toEqual([""]);
  });

  it("honours backslashes outside quotes", () => {
    expect(words("a\\ b c")).toEqual(["a b", "c"]);
    expect(words("a\\\nb")).toEqual(["ab"]);
  });

  it("refuses what only a shell would give a meaning", () => {
    for (const s of [
      "$HOME",
      "`id`",
      "a;b",
      "a|b",
      "a&",
      "<in",
      ">out",
      "(x)",
      "*.c",
      "a?",
      "[ab]",
      "~/x",
      "#c",
      '"$x"',
    ]) {
      const r = shellWords(s);
      expect(r.ok, s).toBe(false);
      if (!r.ok) expect(r.error).toContain("without a shell");
    }
    // ... but not where sh would take them literally.
    expect(words("a#b a~b")).toEqual(["a#b", "a~b"]);
  });

  it("refuses unterminated quotes and a trailing backslash", () => {
    expect(shellWords("'abc").ok).toBe(false);
    expect(shellWords('"abc').ok).toBe(false);
    expect(shellWords("abc\\").ok).toBe(false);
  });

  it("is linear: a long hostile string is answered at once", () => {
    const t = performance.now();
    expect(shellWords(`"${"\\x".repeat(200_000)}`).ok).toBe(false);
    expect(words("a ".repeat(100_000))).toHaveLength(100_000);
    expect(performance.now() - t).toBeLessThan(2000);
  });
});

describe("splitArgs", () => {
  it("splits every element and keeps the order", () => {
    expect(splitArgs(["-Wall", "-x c", "-std=c99"])).toEqual({ ok: true, words: ["-Wall", "-x", "c", "-std=c99"] });
  });
});
