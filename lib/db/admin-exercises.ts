import "server-only";
import { db } from "./client";
import type { Visibility } from "./exercises";
import { isKey } from "./keys";

/** An exercise as the admin page lists it. */
export interface AdminExercise {
  slug: string;
  title: string;
  /** "repo" (an exercises/ folder), "api" (the admin API) or "browser" (a teacher wrote it). */
  source: "repo" | "api" | "browser";
  visibility: Visibility;
  author: string | null;
  updatedAt: Date;
}

const visibilityOf = (v: string): Visibility => (v === "public" || v === "classes" ? v : "draft");

/** Every exercise, whoever made it (catalog order, then the newest edits). */
export async function listAllExercises(take = 1000): Promise<AdminExercise[]> {
  const client = await db();
  const rows = await client.exercise.findMany({
    select: { slug: true, title: true, source: true, visibility: true, authorId: true, updatedAt: true },
    orderBy: [{ order: "asc" }, { updatedAt: "desc" }],
    take,
  });
  const ids = [...new Set(rows.flatMap((r) => (r.authorId ? [r.authorId] : [])))];
  const names = new Map(
    (await client.user.findMany({ where: { id: { in: ids } }, select: { id: true, username: true } })).map((u) => [
      u.id,
      u.username,
    ]),
  );
  return rows.map((r) => ({
    slug: r.slug,
    title: r.title,
    source: r.authorId ? "browser" : r.source === "api" ? "api" : "repo",
    visibility: visibilityOf(r.visibility),
    author: r.authorId ? (names.get(r.authorId) ?? null) : null,
    updatedAt: r.updatedAt,
  }));
}

/** Put an exercise in or out of the catalog; false when there is no such exercise. */
export async function setCatalogVisibility(slug: string, visibility: Visibility): Promise<boolean> {
  if (!isKey(slug)) return false;
  const { count } = await (await db()).exercise.updateMany({ where: { slug }, data: { visibility } });
  return count > 0;
}
