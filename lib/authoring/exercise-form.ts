import { customAlphabet } from "nanoid";
import { z } from "zod";
import { ExerciseDefinition, TestCase } from "../judge/exercise";
import { ValidationError } from "../sandbox/errors";
import { findLanguage } from "../sandbox/languages";
import { fieldErrorsOf } from "../sandbox/request";

/**
 * The exercise editor's form, as the browser sends it: flat and friendly (tags as one line,
 * starter and reference as plain code per language). toDefinition turns it into the one
 * ExerciseDefinition the judge, the folders and the admin API share.
 */
export const ExerciseForm = z.object({
  title: z.string().trim().min(1, "Give the exercise a title.").max(200),
  difficulty: z.enum(["easy", "medium", "hard"]),
  tags: z.string().max(500).default(""),
  statement: z
    .string()
    .trim()
    .min(1, "Write a statement.")
    .max(64 * 1024),
  tests: z.array(TestCase).min(1, "Add at least one test.").max(200),
  checker: z.enum(["trimmed", "exact", "tokens", "float", "unordered-lines"]).default("trimmed"),
  timeoutMs: z.coerce.number().int().min(100).max(30_000),
  memoryMb: z.coerce.number().int().min(16).max(2048),
  /** Allowed language ids; empty: every language. */
  languages: z.array(z.string().max(40)).max(20).default([]),
  /** Starter code per language id (empty ones are dropped). */
  starter: z.record(z.string().max(40), z.string().max(64 * 1024)).default({}),
  reference: z.object({
    language: z.string().max(40),
    code: z
      .string()
      .min(1, "Write a reference solution.")
      .max(64 * 1024),
  }),
});
export type ExerciseForm = z.infer<typeof ExerciseForm>;

const suffix = customAlphabet("abcdefghijkmnpqrstuvwxyz23456789", 5);

/** A slug for a new exercise: its title's words plus a random tail, so it never takes a catalog name. */
export function newSlug(title: string): string {
  const base = title
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return `${base || "exercise"}-${suffix()}`;
}

function languageId(id: string, field: string): string {
  const lang = findLanguage(id);
  if (!lang) throw new ValidationError(`Unknown language "${id}".`, { [field]: "Unknown language." });
  return lang.id;
}

/** Form → definition and reference solution; a ValidationError names each bad field. */
export function toDefinition(
  input: unknown,
  slug: string,
): { def: ExerciseDefinition; reference: { language: string; files: { name: string; content: string }[] } } {
  const parsed = ExerciseForm.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    const [field, message] = Object.entries(fieldErrors)[0] ?? ["form", "Check the form."];
    throw new ValidationError(`${field}: ${message}`, fieldErrors);
  }
  const f = parsed.data;
  const languages = f.languages.length ? [...new Set(f.languages.map((l) => languageId(l, "languages")))] : null;
  const starter: Record<string, { name: string; content: string }> = {};
  for (const [id, content] of Object.entries(f.starter)) {
    if (!content.trim()) continue;
    const lang = findLanguage(id);
    if (!lang) throw new ValidationError(`Unknown language "${id}".`, { starter: "Unknown language." });
    starter[lang.id] = { name: lang.defaultFile, content };
  }
  const refLang = findLanguage(languageId(f.reference.language, "reference.language"));
  if (!refLang) throw new ValidationError("Unknown language.", { "reference.language": "Unknown language." });
  if (languages && !languages.includes(refLang.id))
    throw new ValidationError("The reference solution's language is not allowed.", {
      "reference.language": "Allow this language, or write the solution in an allowed one.",
    });
  const tags = [
    ...new Set(
      f.tags
        .split(",")
        .map((t) => t.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
  const def = ExerciseDefinition.safeParse({
    slug,
    title: f.title,
    statement: f.statement,
    difficulty: f.difficulty,
    tags,
    languages,
    starter,
    limits: { timeoutMs: f.timeoutMs, memoryMb: f.memoryMb },
    checker: { type: f.checker },
    tests: f.tests,
    order: 1000,
  });
  if (!def.success) {
    const fieldErrors = fieldErrorsOf(def.error);
    const [field, message] = Object.entries(fieldErrors)[0] ?? ["form", "Check the form."];
    throw new ValidationError(`${field}: ${message}`, fieldErrors);
  }
  return {
    def: def.data,
    reference: { language: refLang.id, files: [{ name: refLang.defaultFile, content: f.reference.code }] },
  };
}

/** Definition → form (the edit page's starting point). */
export function toForm(
  def: ExerciseDefinition,
  reference: { language: string; files: { content: string }[] } | null,
): ExerciseForm {
  return {
    title: def.title,
    difficulty: def.difficulty,
    tags: def.tags.join(", "),
    statement: def.statement,
    tests: def.tests,
    checker: def.checker.type,
    timeoutMs: def.limits.timeoutMs,
    memoryMb: def.limits.memoryMb,
    languages: def.languages ?? [],
    starter: Object.fromEntries(Object.entries(def.starter).map(([k, v]) => [k, v.content])),
    reference: { language: reference?.language ?? "python", code: reference?.files[0]?.content ?? "" },
  };
}
