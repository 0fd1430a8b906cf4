import type { ApiCaller } from "@/lib/api-keys/authenticate";
import { getRun } from "@/lib/db/runs";
import { NotFound } from "@/lib/errors";
import { withReadLimit } from "@/lib/http/admission";
import { errorResponse, json } from "@/lib/http/responses";
import { identityOf } from "@/lib/identity/current";

export const dynamic = "force-dynamic";

/**
 * A stored run by id. A run with an owner (started in a browser) is that owner's alone: anyone
 * else gets the same 404 as for an unknown id, whether or not it was ever shared (a share is a
 * snapshot under its own link, never a key to the run). A run made with an API key is its
 * user's (the key, or their session). An unowned API run is readable by anyone with its id (126
 * random bits: the id is the capability).
 */
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  return withReadLimit(request, (caller) => read(request, ctx, caller), true);
}

async function read(request: Request, ctx: { params: Promise<{ id: string }> }, caller: ApiCaller) {
  try {
    const { id } = await ctx.params;
    const run = id.length <= 64 ? await getRun(id) : null;
    const reader = caller.kind === "key" ? caller.ownerId : (await identityOf(request)).ownerId;
    if (!run || (run.ownerId !== null && run.ownerId !== reader)) throw new NotFound("No run has this id.");
    const { ownerId: _owner, ...visible } = run;
    return json(visible);
  } catch (err) {
    return errorResponse(err);
  }
}
