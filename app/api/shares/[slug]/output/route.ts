import { withReadLimit } from "@/lib/http/admission";
import { errorResponse } from "@/lib/http/responses";
import { chunkError, chunkResponse, parseChunkQuery } from "@/lib/views/chunk-response";
import { loadSharedRun } from "@/lib/views/shared-runs";

export const dynamic = "force-dynamic";

/**
 * A shared run's long texts in chunks (`?part=run&offset=N`, JSON) or whole (`&download=1`,
 * text/plain attachment). A share is a snapshot: answers carry a strong ETag and may be cached
 * for a year. Under /api (not /s/) so no page middleware adds a cookie to a public answer.
 */
export async function GET(request: Request, ctx: { params: Promise<{ slug: string }> }) {
  return withReadLimit(request, () => read(request, ctx));
}

async function read(request: Request, ctx: { params: Promise<{ slug: string }> }) {
  try {
    const query = parseChunkQuery(request.url);
    if (query instanceof Response) return query;
    const shared = await loadSharedRun((await ctx.params).slug);
    if (!shared) return chunkError(404, "not_found", "This share does not exist or was revoked.");
    return chunkResponse(request, shared.prepared, query, "immutable");
  } catch (err) {
    return errorResponse(err);
  }
}
