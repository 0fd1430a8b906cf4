"use server";

import { revalidatePath } from "next/cache";
import { setCatalogVisibility } from "@/lib/db/admin-exercises";
import { verificationHash } from "@/lib/db/authored-exercises";
import { deleteExercise, getExercise, getExerciseMeta } from "@/lib/db/exercises";
import type { FormResult } from "@/lib/http/form-result";
import { currentAdmin } from "./require-admin";

const refresh = (slug: string) => {
  revalidatePath("/admin");
  revalidatePath("/exercises");
  revalidatePath(`/exercises/${slug}`);
};

/**
 * Admins: put an exercise in the public catalog. A teacher's exercise must have a reference
 * solution accepted on its current tests (as for publishing to classes).
 */
export async function publishExerciseAction(slug: string, _prev: FormResult, _form: FormData): Promise<FormResult> {
  if (!(await currentAdmin())) return { error: "Only admins publish exercises." };
  const meta = await getExerciseMeta(String(slug));
  if (!meta) return { error: "There is no such exercise." };
  if (meta.authorId) {
    const def = await getExercise(meta.slug);
    if (!def || !meta.reference || meta.verifiedHash !== verificationHash(def, meta.reference))
      return { error: "Its reference solution has not passed its current tests: its author must save it again first." };
  }
  await setCatalogVisibility(meta.slug, "public");
  refresh(meta.slug);
  return { ok: "In the public catalog." };
}

/** Admins: take an exercise out of the catalog (a teacher's stays in their classes; others become drafts). */
export async function unpublishExerciseAction(slug: string, _prev: FormResult, _form: FormData): Promise<FormResult> {
  if (!(await currentAdmin())) return { error: "Only admins unpublish exercises." };
  const meta = await getExerciseMeta(String(slug));
  if (!meta) return { error: "There is no such exercise." };
  await setCatalogVisibility(meta.slug, meta.authorId ? "classes" : "draft");
  refresh(meta.slug);
  return { ok: "Out of the public catalog." };
}

/** Admins: delete an exercise (its assignments go with it; submissions stay). */
export async function deleteExerciseAction(slug: string, _prev: FormResult, _form: FormData): Promise<FormResult> {
  if (!(await currentAdmin())) return { error: "Only admins delete exercises." };
  if (!(await deleteExercise(String(slug)))) return { error: "There is no such exercise." };
  refresh(String(slug));
  return { ok: "Deleted." };
}
