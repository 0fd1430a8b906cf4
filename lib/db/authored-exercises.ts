import "server-only";
import { createHash } from "node:crypto";
import type { ExerciseDefinition } from "../judge/exercise";
import { db } from "./client";
import { definitionHash, type Visibility } from "./exercises";

export interface Reference {
  language: string;
  files: { name: string; content: string }[];
}

/** What a reference check certifies: this definition with this reference solution. */
export function verificationHash(def: ExerciseDefinition, reference: Reference): string {
  return createHash("sha256")
    .update(`${definitionHash(def)}\u0000${JSON.stringify(reference)}`)
    .digest("hex")
    .slice(0, 32);
}

function columns(def: ExerciseDefinition) {
  return {
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
    hash: definitionHash(def),
  };
}

/** A new browser-written exercise, as a draft; false when the slug is taken. */
export async function createAuthored(
  def: ExerciseDefinition,
  authorId: string,
  reference: Reference,
): Promise<boolean> {
  try {
    await (await db()).exercise.create({
      data: {
        slug: def.slug,
        ...columns(def),
        source: "ui",
        authorId,
        visibility: "draft",
        reference: JSON.stringify(reference),
      },
    });
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") return false;
    throw err;
  }
}

/** Replace a browser-written exercise's definition and reference (its slug, author and visibility stay). */
export async function updateAuthored(
  def: ExerciseDefinition,
  reference: Reference,
  verifiedHash: string | null,
): Promise<void> {
  await (await db()).exercise.update({
    where: { slug: def.slug },
    data: { ...columns(def), reference: JSON.stringify(reference), verifiedHash },
  });
}

export async function setVerifiedHash(slug: string, verifiedHash: string | null): Promise<void> {
  await (await db()).exercise.update({ where: { slug }, data: { verifiedHash } });
}

export async function setVisibility(slug: string, visibility: Visibility): Promise<void> {
  await (await db()).exercise.update({ where: { slug }, data: { visibility } });
}

export interface AuthoredSummary {
  slug: string;
  title: string;
  difficulty: string;
  visibility: Visibility;
  verified: boolean;
  authorId: string;
  updatedAt: Date;
}

async function authored(where: object): Promise<AuthoredSummary[]> {
  const rows = await (await db()).exercise.findMany({
    where: { authorId: { not: null }, ...where },
    select: {
      slug: true,
      title: true,
      difficulty: true,
      visibility: true,
      authorId: true,
      updatedAt: true,
      verifiedHash: true,
      reference: true,
      hash: true,
    },
    orderBy: { updatedAt: "desc" },
    take: 500,
  });
  return rows.map((r) => ({
    slug: r.slug,
    title: r.title,
    difficulty: r.difficulty,
    visibility: (["public", "classes", "draft"].includes(r.visibility) ? r.visibility : "draft") as Visibility,
    verified: r.verifiedHash !== null,
    authorId: r.authorId as string,
    updatedAt: r.updatedAt,
  }));
}

/** A teacher's own exercises, newest edit first. */
export const exercisesBy = (authorId: string) => authored({ authorId });

/** Every teacher's published exercise (the admin decides which are public). */
export const publishedByTeachers = () => authored({ visibility: { in: ["classes", "public"] } });
