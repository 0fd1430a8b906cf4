import { getRun } from "@/lib/db/runs";
import { errorResponse, json } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

/** A stored run by id (ids are 126-bit random, so knowing one is the capability). */
export async function GET(_request: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await ctx.params;
    const run = id.length <= 64 ? await getRun(id) : null;
    if (!run) return json({ error: { code: "not_found", message: "No run has this id." } }, 404);
    const { ownerId: _owner, ...visible } = run;
    return json(visible);
  } catch (err) {
    return errorResponse(err);
  }
}
