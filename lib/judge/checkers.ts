import { z } from "zod";

/** How a test's output is compared with the expected output. */
export const Checker = z.discriminatedUnion("type", [
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
export type Checker = z.infer<typeof Checker>;

/** Lines without trailing whitespace, and without trailing empty lines. */
function trimmedLines(text: string): string[] {
  const lines = text
    .replace(/\r\n/g, "\n")
    .split("\n")
    .map((l) => l.replace(/\s+$/, ""));
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
