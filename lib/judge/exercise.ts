import { z } from "zod";
import { Checker } from "./checkers";

export const TestCase = z.object({
  stdin: z
    .string()
    .max(1024 * 1024)
    .default(""),
  expected: z.string().max(1024 * 1024),
  hidden: z.boolean().default(false),
  points: z.number().int().min(0).max(1000).default(1),
});
export type TestCase = z.infer<typeof TestCase>;

const slug = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lowercase letters, digits and single dashes, like 'sum-two'.");

/** Stored as a text column, which PostgreSQL refuses to hold a NUL in. */
const NO_NUL = [(s: string) => !s.includes("\0"), "Must not contain NUL characters."] as const;

/** An exercise as the admin API accepts it and as exercises/<slug>/ folders describe it. */
export const ExerciseDefinition = z.object({
  slug,
  title: z
    .string()
    .min(1)
    .max(200)
    .refine(...NO_NUL),
  statement: z
    .string()
    .min(1)
    .max(64 * 1024)
    .refine(...NO_NUL),
  difficulty: z.enum(["easy", "medium", "hard"]),
  tags: z.array(z.string().min(1).max(40)).max(20).default([]),
  /** Language ids allowed; null or absent means every language. */
  languages: z.array(z.string()).max(20).nullable().optional(),
  /** Starter code per language id: the file the editor opens with. */
  starter: z
    .record(z.string(), z.object({ name: z.string().min(1).max(255), content: z.string().max(64 * 1024) }))
    .default({}),
  limits: z.object({
    timeoutMs: z.number().int().min(100).max(30_000),
    memoryMb: z.number().int().min(16).max(2048),
  }),
  checker: Checker.default({ type: "trimmed" }),
  tests: z.array(TestCase).min(1, "An exercise needs at least one test.").max(200),
  order: z.number().int().default(0),
});
export type ExerciseDefinition = z.infer<typeof ExerciseDefinition>;
export type ExerciseDefinitionInput = z.input<typeof ExerciseDefinition>;
