import type { ExerciseDefinition } from "@/lib/judge/exercise";

/** A small exercise to aim bad solutions at: read n, print n*2. */
export const doubler: ExerciseDefinition = {
  slug: "test-doubler",
  title: "Double it",
  statement: "Read n and print 2n.",
  difficulty: "easy",
  tags: ["test"],
  languages: null,
  starter: {},
  limits: { timeoutMs: 1000, memoryMb: 64 },
  checker: { type: "trimmed" },
  tests: [
    { stdin: "1\n", expected: "2\n", hidden: false, points: 1 },
    { stdin: "21\n", expected: "42\n", hidden: true, points: 2 },
    { stdin: "-5\n", expected: "-10\n", hidden: true, points: 2 },
  ],
  order: 999,
};
