"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { appEngine } from "@/lib/app-engine";
import { visibleExercise } from "@/lib/classes/access";
import { deleteRun, getRun } from "@/lib/db/runs";
import { createShare, revokeShare as revoke } from "@/lib/db/shares";
import type { DebugReport } from "@/lib/debug/types";
import { NotFound } from "@/lib/errors";
import { type ActionResult, actionError } from "@/lib/http/action-result";
import { type Admission, admitRun, admitSubmission } from "@/lib/http/admission";
import { addressKey } from "@/lib/http/client-address";
import { currentUser, ensureOwnerId } from "@/lib/identity/current";
import { CustomInput, type CustomRun, runCustomInput } from "@/lib/judge/custom-input";
import type { JudgeMode, PublicJudgement } from "@/lib/judge/judge";
import { parseSolution } from "@/lib/judge/solution";
import { submitSolution } from "@/lib/judge/submit";
import { interactiveLimits, interactiveSessions, sessionRefusal } from "@/lib/runs/interactive-limits";
import { startLiveRun } from "@/lib/runs/live-runs";
import { forgetSharedRun } from "@/lib/views/shared-runs";

/**
 * Start a run for this browser. With `terminal` (the playground's terminal size) the program gets
 * a pseudo-terminal and takes typed input on /api/runs/{id}/terminal, unless every interactive
 * session is taken: then it runs with its Input box text only, and `notice` says so. Output
 * follows on that socket or on /api/runs/{id}/events.
 */
export async function startRun(
  input: unknown,
  options?: unknown,
): Promise<ActionResult<{ id: string; terminal: boolean; notice?: string }>> {
  let admission: Admission | undefined;
  let session: { release: () => void } | undefined;
  try {
    const owner = await ensureOwnerId();
    const engine = appEngine();
    const req = engine.parse(input);
    const size = TerminalOptions.safeParse(options).data?.terminal;
    admission = await admitUiRun(owner);
    if (!admission.ok) return refused(admission);
    let notice: string | undefined;
    if (size) {
      const held = interactiveSessions().admit([`owner:${owner}`, addressKey(await headers())]);
      if ("full" in held) notice = `${sessionRefusal(held.full)} This run takes its input from the Input box only.`;
      else session = held;
    }
    const { release } = admission;
    const taken = session;
    const terminal = taken ? { limits: interactiveLimits(), size } : undefined;
    // Counted until the background execution ends, not just until this answer.
    const onSettled = () => {
      taken?.release();
      release();
    };
    const id = await startLiveRun(engine, req, owner, { onSettled, ...(terminal ? { terminal } : {}) });
    return { ok: true, id, terminal: Boolean(terminal), ...(notice ? { notice } : {}) };
  } catch (err) {
    if (admission?.ok) admission.release();
    session?.release();
    return actionError(err);
  }
}

/** The playground's terminal size, when it runs the program in its terminal. */
const TerminalOptions = z.object({
  terminal: z.object({ rows: z.number().int().min(1).max(999), cols: z.number().int().min(1).max(999) }),
});

/** A UI run counts against the browser and against its address (new cookies are cheap). */
async function admitUiRun(owner: string): Promise<Admission> {
  return admitRun([`owner:${owner}`, addressKey(await headers())], "browser");
}

const refused = (a: Extract<Admission, { ok: false }>) => ({
  ok: false as const,
  error: { code: a.refusal.code, message: a.refusal.message },
});

const noSuchRun = () => new NotFound("This run does not exist.");

/** Freeze one of your finished runs under a public link. */
export async function shareRun(runId: unknown): Promise<ActionResult<{ slug: string }>> {
  try {
    if (typeof runId !== "string" || runId.length > 64) throw noSuchRun();
    const owner = await ensureOwnerId();
    const run = await getRun(runId);
    if (!run || run.ownerId !== owner) throw noSuchRun();
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
    if (typeof slug !== "string") throw new NotFound("This link does not exist.");
    const ok = await revoke(slug, await ensureOwnerId());
    if (ok) forgetSharedRun(slug);
    if (!ok) throw new NotFound("This link does not exist.");
    return { ok: true };
  } catch (err) {
    return actionError(err);
  }
}

/** Delete one of your runs (shares of it stay: they are snapshots). */
export async function removeRun(runId: unknown): Promise<ActionResult<object>> {
  try {
    if (typeof runId !== "string") throw noSuchRun();
    if (!(await deleteRun(runId, await ensureOwnerId()))) throw noSuchRun();
    return { ok: true };
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
    const owner = await ensureOwnerId();
    const ex = (await visibleExercise(slug, await currentUser()))?.def;
    if (!ex) throw new NotFound("This exercise does not exist.");
    const engine = appEngine();
    const req = parseSolution(engine, ex, solution);
    if (mode === "submit") {
      const refusal = await admitSubmission(ex.slug, [`owner:${owner}`, addressKey(await headers())]);
      if (refusal) return refused({ ok: false, refusal });
    }
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
    const owner = await ensureOwnerId();
    const ex = (await visibleExercise(slug, await currentUser()))?.def;
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
