import type { ExerciseForm } from "./exercise-form";

/** The editor's starting point for a new exercise: one visible sample and one hidden test. */
export const BLANK_FORM: ExerciseForm = {
  title: "",
  difficulty: "easy",
  tags: "",
  statement: "Read … from standard input and print ….\n\n## Input\n\n…\n\n## Output\n\n…\n",
  tests: [
    { stdin: "", expected: "", hidden: false, points: 1 },
    { stdin: "", expected: "", hidden: true, points: 1 },
  ],
  checker: "trimmed",
  timeoutMs: 2000,
  memoryMb: 256,
  languages: [],
  starter: {},
  reference: { language: "python", code: "" },
};
