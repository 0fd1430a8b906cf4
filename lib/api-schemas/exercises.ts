import { z } from "zod";
import { ExerciseDefinition } from "../judge/exercise";
import type { PublicJudgement } from "../judge/judge";
import { DebugReport } from "./debug-report";
import type { Assert, Same } from "./same-type";
import { StageResult } from "./stage";

/** GET /api/v1/exercises: the public catalog. */
export const ExerciseList = z
  .object({ exercises: z.array(ExerciseDefinition.pick({ slug: true, title: true, difficulty: true, tags: true })) })
  .meta({
    examples: [
      { exercises: [{ slug: "hello-name", title: "Hello, name!", difficulty: "easy", tags: ["input", "strings"] }] },
    ],
  });
export type ExerciseList = z.infer<typeof ExerciseList>;

/** GET /api/v1/exercises/{slug}: what anyone may see (the visible tests only). */
export const PublicExercise = ExerciseDefinition.pick({
  slug: true,
  title: true,
  statement: true,
  difficulty: true,
  tags: true,
  starter: true,
  limits: true,
  checker: true,
}).extend({
  languages: z.array(z.string()).nullable().meta({ description: "null: every language" }),
  samples: z.array(z.object({ stdin: z.string(), expected: z.string() })),
  testCount: z.number().int(),
  maxScore: z.number().int(),
});
export type PublicExercise = z.infer<typeof PublicExercise>;

const Verdict = z.enum(["AC", "WA", "TLE", "MLE", "RE", "CE", "OLE", "IE"]);

/** One test's outcome; a hidden test carries its verdict and points only. */
const TestResult = z.object({
  index: z.number().int(),
  hidden: z.boolean(),
  verdict: Verdict,
  points: z.number().int(),
  timeMs: z.number().nullable().optional(),
  memoryBytes: z.number().nullable().optional(),
  stdin: z.string().optional(),
  expected: z.string().optional(),
  actual: z.string().optional(),
  stderr: z.string().optional(),
  exitCode: z.number().int().nullable().optional(),
  signal: z.string().nullable().optional(),
});

/** The judgement as clients see it (hidden tests reveal only their verdict). */
const Judgement = z.object({
  verdict: Verdict.meta({ description: "The first test that is not AC decides; AC when all are" }),
  score: z.number().int(),
  maxScore: z.number().int(),
  compile: StageResult.optional(),
  tests: z.array(TestResult),
  timeMs: z.number(),
  maxTimeMs: z.number().nullable().meta({ description: "Rounded up to 100 ms" }),
  maxMemoryBytes: z.number().nullable().meta({ description: "Rounded up to 4 MiB" }),
});
export type JudgementMatches = Assert<Same<z.infer<typeof Judgement>, PublicJudgement>>;

/** POST /api/v1/exercises/{slug}/submissions. */
export const SubmissionResult = Judgement.extend({
  id: z.string(),
  createdAt: z.iso.datetime(),
  debug: DebugReport.optional().meta({ description: "A compile error, or the first visible test that crashed" }),
});
export type SubmissionResult = z.infer<typeof SubmissionResult>;

/** POST /api/v1/exercises (admin). */
export const ExerciseSaved = z.object({ slug: z.string(), outcome: z.enum(["created", "updated", "unchanged"]) });
export type ExerciseSaved = z.infer<typeof ExerciseSaved>;

/** DELETE /api/v1/exercises/{slug} (admin). */
export const ExerciseDeleted = z.object({ deleted: z.literal(true) });
