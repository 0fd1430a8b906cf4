import type { ApiCaller } from "@/lib/api-keys/authenticate";
import { appEngine } from "@/lib/app-engine";
import { getPublicExercise } from "@/lib/db/exercises";
import { NotFound } from "@/lib/errors";
import { admitSubmission, withRunAdmission } from "@/lib/http/admission";
import { addressKey } from "@/lib/http/client-address";
import { errorResponse, json, readJson } from "@/lib/http/responses";
import { parseSolution } from "@/lib/judge/solution";
import { submitSolution } from "@/lib/judge/submit";

export const dynamic = "force-dynamic";

/**
 * Judge { language, files } against every test: { id, verdict, score, maxScore, compile?, tests }.
 * A submission made with an API key is its user's (their progress and their teachers' dashboards).
 */
export async function POST(request: Request, ctx: { params: Promise<{ slug: string }> }) {
  return withRunAdmission(request, (caller) => judgeIt(request, ctx, caller));
}

async function judgeIt(request: Request, ctx: { params: Promise<{ slug: string }> }, caller: ApiCaller) {
  try {
    const body = await readJson(request);
    const slug = (await ctx.params).slug;
    const person = caller.kind === "key" ? `user:${caller.ownerId}` : addressKey(request.headers);
    const refusal = await admitSubmission(slug, [person]);
    if (refusal) return json({ error: { code: refusal.code, message: refusal.message } }, 429, refusal.headers);
    const ex = await getPublicExercise(slug);
    if (!ex) throw new NotFound("No exercise has this slug.");
    const engine = appEngine();
    const req = parseSolution(engine, ex, body);
    return json(
      await submitSolution(engine, ex, req, {
        ownerId: caller.kind === "key" ? caller.ownerId : null,
        mode: "submit",
        signal: request.signal,
      }),
    );
  } catch (err) {
    return errorResponse(err);
  }
}
