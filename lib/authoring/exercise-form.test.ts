import { describe, expect, it } from "vitest";
import { ValidationError } from "../sandbox/errors";
import { newSlug, toDefinition, toForm } from "./exercise-form";

const FORM = {
  title: "Sum of two",
  difficulty: "easy",
  tags: "math, Input ,math",
  statement: "Print a + b.",
  tests: [
    { stdin: "1 2\n", expected: "3\n", hidden: false, points: 1 },
    { stdin: "4 5\n", expected: "9\n", hidden: true, points: 2 },
  ],
  checker: "tokens",
  timeoutMs: "2000",
  memoryMb: 128,
  languages: [],
  starter: { python: "# your code\n", c: "   " },
  reference: { language: "py", code: "print(sum(map(int, input().split())))" },
};

describe("the exercise form", () => {
  it("becomes a definition the judge takes, and back", () => {
    const { def, reference } = toDefinition(FORM, "sum-of-two-abcde");
    expect(def).toMatchObject({
      slug: "sum-of-two-abcde",
      tags: ["math", "input"],
      languages: null,
      checker: { type: "tokens" },
      limits: { timeoutMs: 2000, memoryMb: 128 },
      starter: { python: { name: "main.py", content: "# your code\n" } },
    });
    expect(Object.keys(def.starter)).toEqual(["python"]);
    expect(reference).toEqual({ language: "python", files: [{ name: "main.py", content: FORM.reference.code }] });
    const back = toForm(def, reference);
    expect(back.tests).toEqual(FORM.tests);
    expect(back.reference.code).toBe(FORM.reference.code);
  });

  it("names the bad field", () => {
    const bad = (patch: object) => {
      try {
        toDefinition({ ...FORM, ...patch }, "x-abcde");
      } catch (err) {
        expect(err).toBeInstanceOf(ValidationError);
        return Object.keys((err as ValidationError).fieldErrors);
      }
      return [];
    };
    expect(bad({ tests: [] })).toEqual(["tests"]);
    expect(bad({ title: " " })).toEqual(["title"]);
    expect(bad({ timeoutMs: 10 })).toEqual(["timeoutMs"]);
    expect(bad({ reference: { language: "cobol", code: "x" } })).toEqual(["reference.language"]);
    expect(bad({ languages: ["c"] })).toEqual(["reference.language"]);
  });

  it("makes slugs from titles that never take a catalog name", () => {
    expect(newSlug("Sum of Two!")).toMatch(/^sum-of-two-[a-z2-9]{5}$/);
    expect(newSlug("¿¿¿")).toMatch(/^exercise-[a-z2-9]{5}$/);
    expect(newSlug("x".repeat(100)).length).toBeLessThanOrEqual(46);
  });
});
