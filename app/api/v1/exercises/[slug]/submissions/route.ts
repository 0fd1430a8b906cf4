import { withRunAdmission } from "@/lib/http/admission";
import { errorResponse, json, readJson } from "@/lib/http/responses";
import { submitSolution } from "@/lib/judge/submit";

export const dynamic = "force-dynamic";

/** Judge { language, files } against every test: { id, verdict, score, maxScore, compile?, tests }. */
export async function POST(request: Request, ctx: { params: Promise<{ slug: string }> }) {
  return withRunAdmission(request, () => judgeIt(request, ctx));
}

async function judgeIt(request: Request, ctx: { params: Promise<{ slug: string }> }) {
  try {
    const body = await readJson(request);
    const result = await submitSolution((await ctx.params).slug, body, {
      ownerId: null,
      mode: "submit",
      signal: request.signal,
    });
    if (!result) return json({ error: { code: "not_found", message: "No exercise has this slug." } }, 404);
    return json(result);
  } catch (err) {
    return errorResponse(err);
  }
}
