"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { appEngine } from "@/lib/app-engine";
import { hasRole } from "@/lib/auth/roles";
import { newSlug, toDefinition } from "@/lib/authoring/exercise-form";
import { checkReference } from "@/lib/authoring/reference-check";
import { canEditExercise } from "@/lib/classes/access";
import { createAuthored, setVisibility, updateAuthored, verificationHash } from "@/lib/db/authored-exercises";
import { getExercise, getExerciseMeta, type Visibility } from "@/lib/db/exercises";
import { type ActionResult, actionError } from "@/lib/http/action-result";
import { admitRun } from "@/lib/http/admission";
import { addressKey } from "@/lib/http/client-address";
import { currentUser } from "@/lib/identity/current";
import type { Judgement } from "@/lib/judge/judge";

const notFound = { ok: false as const, error: { code: "not_found", message: "This exercise does not exist." } };

export type SaveAnswer = ActionResult<{ slug: string; accepted: boolean; published: boolean; judgement: Judgement }>;

/**
 * Save an exercise from the editor (new when `slug` is null) and judge its reference solution
 * on every test. A draft is saved whatever the verdict; a published exercise only when the
 * reference is still accepted (students must never face an unsolvable exercise).
 */
export async function saveExerciseAction(slug: unknown, form: unknown): Promise<SaveAnswer> {
  try {
    const user = await currentUser();
    if (!user || !hasRole(user, "teacher"))
      return { ok: false, error: { code: "forbidden", message: "Only teachers write exercises." } };
    const meta = typeof slug === "string" ? await getExerciseMeta(slug) : null;
    if (slug !== null && (!meta || !canEditExercise(meta, user))) return notFound;
    const { def, reference } = toDefinition(
      form,
      meta?.slug ?? newSlug(String((form as { title?: unknown })?.title ?? "")),
    );
    const admission = await admitRun([`owner:${user.id}`, addressKey(await headers())], "browser");
    if (!admission.ok)
      return { ok: false, error: { code: admission.refusal.code, message: admission.refusal.message } };
    let checked: Awaited<ReturnType<typeof checkReference>>;
    try {
      checked = await checkReference(appEngine(), def, reference);
    } finally {
      await admission.release();
    }
    const published = meta !== null && meta.visibility !== "draft";
    if (published && !checked.accepted)
      return {
        ok: false,
        error: {
          code: "reference_failed",
          message: `Not saved: this exercise is published, and the reference solution now gets ${checked.judgement.verdict}. Fix the tests or the solution, or unpublish it first.`,
        },
      };
    const verified = checked.accepted ? verificationHash(def, reference) : null;
    if (!meta) {
      if (!(await createAuthored(def, user.id, reference)))
        return { ok: false, error: { code: "conflict", message: "Saving collided with another exercise: try again." } };
    }
    await updateAuthored(def, reference, verified);
    revalidatePath(`/exercises/${def.slug}`);
    return { ok: true, slug: def.slug, accepted: checked.accepted, published, judgement: checked.judgement };
  } catch (err) {
    return actionError(err);
  }
}

/**
 * Who sees an exercise: "classes" (publish to your classes: the reference must be accepted on
 * the current tests), "draft" (unpublish), "public" (the catalog: admins only).
 */
export async function setVisibilityAction(
  slug: unknown,
  target: unknown,
): Promise<ActionResult<{ visibility: Visibility }>> {
  try {
    const user = await currentUser();
    const meta = typeof slug === "string" ? await getExerciseMeta(slug) : null;
    if (!meta || !canEditExercise(meta, user) || !user) return notFound;
    if (target !== "classes" && target !== "draft" && target !== "public")
      return { ok: false, error: { code: "invalid_request", message: "Unknown visibility." } };
    if ((target === "public" || meta.visibility === "public") && !hasRole(user, "admin"))
      return {
        ok: false,
        error: {
          code: "forbidden",
          message: "Only an admin puts exercises in (or takes them out of) the public catalog.",
        },
      };
    if (target !== "draft") {
      const def = await getExercise(meta.slug);
      if (!def || !meta.reference || meta.verifiedHash !== verificationHash(def, meta.reference))
        return {
          ok: false,
          error: {
            code: "not_verified",
            message: "Save the exercise with a reference solution that passes every test before publishing it.",
          },
        };
    }
    await setVisibility(meta.slug, target);
    revalidatePath(`/exercises/${meta.slug}`);
    revalidatePath(`/teach/exercises/${meta.slug}`);
    return { ok: true, visibility: target };
  } catch (err) {
    return actionError(err);
  }
}
