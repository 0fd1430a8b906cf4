import "server-only";
import { createHash } from "node:crypto";
import { ExerciseDefinition } from "../judge/exercise";
import { db } from "./client";
import { isKey } from "./keys";

export interface ExerciseSummary {
  slug: string;
  title: string;
  difficulty: string;
  tags: string[];
  order: number;
}

/** A stable hash of a definition: importing unchanged files writes nothing. */
export function definitionHash(def: ExerciseDefinition): string {
  return createHash("sha256").update(JSON.stringify(def)).digest("hex").slice(0, 16);
}

/** Create or replace an exercise. Returns "created", "updated" or "unchanged". */
export async function upsertExercise(
  def: ExerciseDefinition,
  source: "repo" | "api",
): Promise<"created" | "updated" | "unchanged"> {
  const client = await db();
  const hash = definitionHash(def);
  const existing = await client.exercise.findUnique({ where: { slug: def.slug }, select: { hash: true } });
  if (existing?.hash === hash) return "unchanged";
  const data = {
    title: def.title,
    statement: def.statement,
    difficulty: def.difficulty,
    tags: JSON.stringify(def.tags),
    languages: def.languages ? JSON.stringify(def.languages) : null,
    starter: JSON.stringify(def.starter),
    limits: JSON.stringify(def.limits),
    checker: JSON.stringify(def.checker),
    tests: JSON.stringify(def.tests),
    order: def.order,
    source,
    hash,
  };
  await client.exercise.upsert({ where: { slug: def.slug }, create: { slug: def.slug, ...data }, update: data });
  return existing ? "updated" : "created";
}

/** The full definition (hidden tests included: for the judge, never for a client as is). */
export async function getExercise(slug: string): Promise<ExerciseDefinition | null> {
  if (!isKey(slug)) return null;
  const client = await db();
  const row = await client.exercise.findUnique({ where: { slug } });
  if (!row) return null;
  return ExerciseDefinition.parse({
    slug: row.slug,
    title: row.title,
    statement: row.statement,
    difficulty: row.difficulty,
    tags: JSON.parse(row.tags),
    languages: row.languages ? JSON.parse(row.languages) : null,
    starter: JSON.parse(row.starter),
    limits: JSON.parse(row.limits),
    checker: JSON.parse(row.checker),
    tests: JSON.parse(row.tests),
    order: row.order,
  });
}

export async function listExercises(): Promise<ExerciseSummary[]> {
  const client = await db();
  const rows = await client.exercise.findMany({
    select: { slug: true, title: true, difficulty: true, tags: true, order: true },
    orderBy: [{ order: "asc" }, { slug: "asc" }],
  });
  return rows.map((r) => ({ ...r, tags: JSON.parse(r.tags) as string[] }));
}

export async function deleteExercise(slug: string): Promise<boolean> {
  if (!isKey(slug)) return false;
  const client = await db();
  const { count } = await client.exercise.deleteMany({ where: { slug } });
  return count > 0;
}
