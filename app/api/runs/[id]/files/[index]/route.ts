import { getRun } from "@/lib/db/runs";
import { withReadLimit } from "@/lib/http/admission";
import { errorResponse } from "@/lib/http/responses";
import { currentIdentity } from "@/lib/identity/current";
import { chunkError } from "@/lib/views/chunk-response";
import { fileResponse, parseFileRequest } from "@/lib/views/file-response";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string; index: string }> };

/**
 * One file one of your runs wrote under /box/out (`?download=1`: as an attachment). Someone
 * else's run is a 404, as on the run page; the answer is never cached (private, no-store).
 */
export async function GET(request: Request, ctx: Params) {
  return withReadLimit(request, () => read(request, ctx));
}

async function read(request: Request, ctx: Params) {
  try {
    const { id, index } = await ctx.params;
    const query = parseFileRequest(request.url, index);
    if (query instanceof Response) return query;
    const owner = (await currentIdentity()).ownerId;
    const run = id.length <= 64 ? await getRun(id) : null;
    if (!run || !owner || run.ownerId !== owner) return chunkError(404, "not_found", "This run does not exist.");
    return fileResponse(request, run.run?.files ?? [], query, "private");
  } catch (err) {
    return errorResponse(err);
  }
}
