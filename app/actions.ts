"use server";

import { headers } from "next/headers";
import { appEngine } from "@/lib/app-engine";
import { getExercise } from "@/lib/db/exercises";
import { deleteRun, getRun } from "@/lib/db/runs";
import { createShare, revokeShare as revoke } from "@/lib/db/shares";
import type { DebugReport } from "@/lib/debug/types";
import { type ActionResult, actionError } from "@/lib/http/action-result";
import { type Admission, admitRun } from "@/lib/http/admission";
import { addressKey } from "@/lib/http/client-address";
import { CustomInput, type CustomRun, runCustomInput } from "@/lib/judge/custom-input";
import type { JudgeMode, PublicJudgement } from "@/lib/judge/judge";
import { parseSolution } from "@/lib/judge/solution";
import { submitSolution } from "@/lib/judge/submit";
import { ensureOwner } from "@/lib/owner";
import { startLiveRun } from "@/lib/runs/live-runs";
import { forgetSharedRun } from "@/lib/views/shared-runs";

/** Start a run for this browser; output follows on /api/runs/{id}/events. */
export async function startRun(input: unknown): Promise<ActionResult<{ id: string }>> {
  let admission: Admission | undefined;
  try {
    const owner = await ensureOwner();
    const engine = appEngine();
    const req = engine.parse(input);
    admission = await admitUiRun(owner);
    if (!admission.ok) return refused(admission);
    // Counted until the background execution ends, not just until this answer.
    return { ok: true, id: await startLiveRun(engine, req, owner, { onSettled: admission.release }) };
  } catch (err) {
    if (admission?.ok) admission.release();
    return actionError(err);
  }
}

/** A UI run counts against the browser and against its address (new cookies are cheap). */
async function admitUiRun(owner: string): Promise<Admission> {
  return admitRun([`owner:${owner}`, addressKey(await headers())], "browser");
}

const refused = (a: Extract<Admission, { ok: false }>) => ({
  ok: false as const,
  error: { code: a.refusal.code, message: a.refusal.message },
});

const notFound = { ok: false as const, error: { code: "not_found", message: "This run does not exist." } };

/** Freeze one of your finished runs under a public link. */
export async function shareRun(runId: unknown): Promise<ActionResult<{ slug: string }>> {
  try {
    if (typeof runId !== "string" || runId.length > 64) return notFound;
    const owner = await ensureOwner();
    const run = await getRun(runId);
    if (!run || run.ownerId !== owner) return notFound;
    if (run.status === "running")
      return { ok: false, error: { code: "not_finished", message: "Wait for the run to finish, then share it." } };
    return { ok: true, slug: await createShare(run, owner) };
  } catch (err) {
    return actionError(err);
  }
}

/** Revoke one of your share links; it answers 404 from then on. */
export async function revokeShare(slug: unknown): Promise<ActionResult<object>> {
  try {
    if (typeof slug !== "string") return notFound;
    const ok = await revoke(slug, await ensureOwner());
    if (ok) forgetSharedRun(slug);
    return ok ? { ok: true } : { ok: false, error: { code: "not_found", message: "This link does not exist." } };
  } catch (err) {
    return actionError(err);
  }
}

/** Delete one of your runs (shares of it stay: they are snapshots). */
export async function removeRun(runId: unknown): Promise<ActionResult<object>> {
  try {
    if (typeof runId !== "string") return notFound;
    return (await deleteRun(runId, await ensureOwner())) ? { ok: true } : notFound;
  } catch (err) {
    return actionError(err);
  }
}

/** Judge a solution in the browser: "samples" runs the visible tests, "submit" all of them. */
export async function judgeSolution(
  slug: unknown,
  solution: unknown,
  mode: unknown,
): Promise<ActionResult<{ judgement: PublicJudgement & { id: string; debug?: DebugReport } }>> {
  try {
    if (typeof slug !== "string" || (mode !== "samples" && mode !== "submit"))
      return { ok: false, error: { code: "invalid_request", message: "Unknown exercise or mode." } };
    const owner = await ensureOwner();
    const ex = await getExercise(slug);
    if (!ex) return { ok: false, error: { code: "not_found", message: "This exercise does not exist." } };
    const engine = appEngine();
    const req = parseSolution(engine, ex, solution);
    const admission = await admitUiRun(owner);
    if (!admission.ok) return refused(admission);
    try {
      const judgement = await submitSolution(engine, ex, req, { ownerId: owner, mode: mode as JudgeMode });
      return { ok: true, judgement };
    } finally {
      admission.release();
    }
  } catch (err) {
    return actionError(err);
  }
}

/**
 * "Try your own input" on an exercise page: the solution runs once on the learner's input with
 * the exercise's limits. Nothing is judged or stored; the browser's rate limits apply as to a run.
 */
export async function tryExerciseInput(
  slug: unknown,
  solution: unknown,
  stdin: unknown,
): Promise<ActionResult<{ result: CustomRun }>> {
  try {
    if (typeof slug !== "string") return { ok: false, error: { code: "not_found", message: "Unknown exercise." } };
    const input = CustomInput.safeParse(stdin);
    if (!input.success)
      return {
        ok: false,
        error: {
          code: "invalid_request",
          message: input.error.issues[0]?.message ?? "Invalid input.",
          fieldErrors: { stdin: input.error.issues[0]?.message ?? "Invalid input." },
        },
      };
    const owner = await ensureOwner();
    const ex = await getExercise(slug);
    if (!ex) return { ok: false, error: { code: "not_found", message: "This exercise does not exist." } };
    const engine = appEngine();
    const req = parseSolution(engine, ex, solution);
    const admission = await admitUiRun(owner);
    if (!admission.ok) return refused(admission);
    try {
      return { ok: true, result: await runCustomInput(engine, req, input.data) };
    } finally {
      admission.release();
    }
  } catch (err) {
    return actionError(err);
  }
}
