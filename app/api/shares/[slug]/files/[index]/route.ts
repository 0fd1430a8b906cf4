import { withReadLimit } from "@/lib/http/admission";
import { errorResponse } from "@/lib/http/responses";
import { chunkError } from "@/lib/views/chunk-response";
import { fileResponse, parseFileRequest } from "@/lib/views/file-response";
import { loadSharedRun } from "@/lib/views/shared-runs";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string; index: string }> };

/**
 * One file of a share's snapshot (`?download=1`: as an attachment): only the files frozen in
 * this share, never its run's (the run may be deleted or belong to nobody who asks). A snapshot
 * never changes, so the answer carries a strong ETag and may be cached for a year.
 */
export async function GET(request: Request, ctx: Params) {
  return withReadLimit(request, () => read(request, ctx));
}

async function read(request: Request, ctx: Params) {
  try {
    const { slug, index } = await ctx.params;
    const query = parseFileRequest(request.url, index);
    if (query instanceof Response) return query;
    const shared = await loadSharedRun(slug);
    if (!shared) return chunkError(404, "not_found", "This share does not exist or was revoked.");
    return fileResponse(request, shared.prepared.outputFiles, query, "immutable");
  } catch (err) {
    return errorResponse(err);
  }
}
