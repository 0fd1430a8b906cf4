import { z } from "zod";

/** How a test's output is compared with the expected output (the object form). */
export const CheckerObject = z.discriminatedUnion("type", [
  z.object({ type: z.literal("exact") }),
  z.object({ type: z.literal("trimmed") }),
  z.object({ type: z.literal("tokens") }),
  z.object({
    type: z.literal("float"),
    absTol: z.number().nonnegative().default(1e-6),
    relTol: z.number().nonnegative().default(1e-6),
  }),
  z.object({ type: z.literal("unordered-lines") }),
]);

/** How a test's output is compared: an object, or just its name ("tokens") for the defaults. */
export const Checker = z.preprocess(
  (v) => (typeof v === "string" ? { type: v } : v),
  CheckerObject,
) as unknown as typeof CheckerObject;
export type Checker = z.infer<typeof CheckerObject>;

/** Lines without trailing whitespace, and without trailing empty lines. */
function trimmedLines(text: string): string[] {
  const lines = text
    .replace(/\r\n/g, "\n")
    .split("\n")
    // trimEnd, not /\s+$/: that regex is quadratic on a long run of spaces followed by a letter,
    // and this runs on whatever a program printed.
    .map((l) => l.trimEnd());
  while (lines.length > 0 && lines.at(-1) === "") lines.pop();
  return lines;
}

const tokens = (text: string) => text.split(/\s+/).filter(Boolean);

function floatsMatch(expected: string, actual: string, absTol: number, relTol: number): boolean {
  const e = tokens(expected);
  const a = tokens(actual);
  if (e.length !== a.length) return false;
  return e.every((token, i) => {
    const other = a[i] ?? "";
    if (token === other) return true;
    const x = Number(token);
    const y = Number(other);
    // Non-numbers must match exactly; numbers within either tolerance.
    if (!Number.isFinite(x) || !Number.isFinite(y) || other.trim() === "") return false;
    const diff = Math.abs(x - y);
    return diff <= absTol || diff <= relTol * Math.abs(x);
  });
}

/** Whether `actual` is accepted for `expected` under the checker. */
export function check(checker: Checker, expected: string, actual: string): boolean {
  switch (checker.type) {
    case "exact":
      return expected === actual;
    case "trimmed":
      return trimmedLines(expected).join("\n") === trimmedLines(actual).join("\n");
    case "tokens": {
      const e = tokens(expected);
      const a = tokens(actual);
      return e.length === a.length && e.every((t, i) => t === a[i]);
    }
    case "float":
      return floatsMatch(expected, actual, checker.absTol, checker.relTol);
    case "unordered-lines": {
      const e = trimmedLines(expected).sort();
      const a = trimmedLines(actual).sort();
      return e.length === a.length && e.every((l, i) => l === a[i]);
    }
  }
}
