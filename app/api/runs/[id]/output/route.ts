import { getRun } from "@/lib/db/runs";
import { withReadLimit } from "@/lib/http/admission";
import { errorResponse } from "@/lib/http/responses";
import { currentIdentity } from "@/lib/identity/current";
import { findLanguage } from "@/lib/sandbox/languages";
import { chunkError, chunkResponse, parseChunkQuery } from "@/lib/views/chunk-response";
import { PreparedRun } from "@/lib/views/prepared-run";

export const dynamic = "force-dynamic";

/**
 * One of your runs' long texts in chunks (`?part=run&offset=N`, JSON) or whole (`&download=1`,
 * text/plain attachment). Someone else's run is a 404, as on the run page.
 */
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  return withReadLimit(request, () => read(request, ctx));
}

async function read(request: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const query = parseChunkQuery(request.url);
    if (query instanceof Response) return query;
    const { id } = await ctx.params;
    const owner = (await currentIdentity()).ownerId;
    const run = id.length <= 64 ? await getRun(id) : null;
    if (!run || !owner || run.ownerId !== owner) return chunkError(404, "not_found", "This run does not exist.");
    const prepared = new PreparedRun(run, findLanguage(run.language)?.defaultFile);
    return chunkResponse(request, prepared, query, "private");
  } catch (err) {
    return errorResponse(err);
  }
}
