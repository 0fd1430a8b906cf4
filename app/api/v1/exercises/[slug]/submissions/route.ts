import { appEngine } from "@/lib/app-engine";
import { getPublicExercise } from "@/lib/db/exercises";
import { withRunAdmission } from "@/lib/http/admission";
import { errorResponse, json, readJson } from "@/lib/http/responses";
import { parseSolution } from "@/lib/judge/solution";
import { submitSolution } from "@/lib/judge/submit";

export const dynamic = "force-dynamic";

/** Judge { language, files } against every test: { id, verdict, score, maxScore, compile?, tests }. */
export async function POST(request: Request, ctx: { params: Promise<{ slug: string }> }) {
  return withRunAdmission(request, () => judgeIt(request, ctx));
}

async function judgeIt(request: Request, ctx: { params: Promise<{ slug: string }> }) {
  try {
    const body = await readJson(request);
    const ex = await getPublicExercise((await ctx.params).slug);
    if (!ex) return json({ error: { code: "not_found", message: "No exercise has this slug." } }, 404);
    const engine = appEngine();
    const req = parseSolution(engine, ex, body);
    return json(await submitSolution(engine, ex, req, { ownerId: null, mode: "submit", signal: request.signal }));
  } catch (err) {
    return errorResponse(err);
  }
}
