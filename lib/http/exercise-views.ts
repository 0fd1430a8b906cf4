import type { PublicExercise } from "../api-schemas/exercises";
import type { ExerciseDefinition } from "../judge/exercise";

/** What anyone may see of an exercise: statement, starters and the visible tests only. */
export function publicExercise(ex: ExerciseDefinition): PublicExercise {
  return {
    slug: ex.slug,
    title: ex.title,
    statement: ex.statement,
    difficulty: ex.difficulty,
    tags: ex.tags,
    languages: ex.languages ?? null,
    starter: ex.starter,
    limits: ex.limits,
    checker: ex.checker,
    samples: ex.tests.filter((t) => !t.hidden).map((t) => ({ stdin: t.stdin, expected: t.expected })),
    testCount: ex.tests.length,
    maxScore: ex.tests.reduce((n, t) => n + t.points, 0),
  };
}
