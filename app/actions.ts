"use server";

import { deleteRun, getRun } from "@/lib/db/runs";
import { createShare, revokeShare as revoke } from "@/lib/db/shares";
import type { DebugReport } from "@/lib/debug/types";
import { type ActionResult, actionError } from "@/lib/http/action-result";
import { checkRate } from "@/lib/http/rate-limit";
import type { JudgeMode, Judgement } from "@/lib/judge/judge";
import { submitSolution } from "@/lib/judge/submit";
import { ensureOwner } from "@/lib/owner";
import { startLiveRun } from "@/lib/runs/live-runs";
import { forgetSharedRun } from "@/lib/views/shared-runs";

/** Start a run for this browser; output follows on /api/runs/{id}/events. */
export async function startRun(input: unknown): Promise<ActionResult<{ id: string }>> {
  try {
    const owner = await ensureOwner();
    const rate = checkRate(`owner:${owner}`);
    if (!rate.allowed) return tooFast(rate.retryAfterSec);
    return { ok: true, id: await startLiveRun(input, owner) };
  } catch (err) {
    return actionError(err);
  }
}

const tooFast = (sec: number) => ({
  ok: false as const,
  error: { code: "rate_limited", message: `You are running programs very fast: wait ${sec} s and try again.` },
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
): Promise<ActionResult<{ judgement: Judgement & { id: string; debug?: DebugReport } }>> {
  try {
    if (typeof slug !== "string" || (mode !== "samples" && mode !== "submit"))
      return { ok: false, error: { code: "invalid_request", message: "Unknown exercise or mode." } };
    const owner = await ensureOwner();
    const rate = checkRate(`owner:${owner}`);
    if (!rate.allowed) return tooFast(rate.retryAfterSec);
    const judgement = await submitSolution(slug, solution, { ownerId: owner, mode: mode as JudgeMode });
    if (!judgement) return { ok: false, error: { code: "not_found", message: "This exercise does not exist." } };
    return { ok: true, judgement };
  } catch (err) {
    return actionError(err);
  }
}
