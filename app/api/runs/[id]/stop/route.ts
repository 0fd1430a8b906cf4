import { json } from "@/lib/http/responses";
import { currentIdentity } from "@/lib/identity/current";
import { stopLiveRun } from "@/lib/runs/live-runs";

export const dynamic = "force-dynamic";

/** Stop a running run of this browser's owner at once (SIGKILL to its container), on whichever instance runs it. */
export async function POST(_request: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  const stopped = await stopLiveRun(id, (await currentIdentity()).ownerId);
  return json({ stopped }, stopped ? 200 : 404);
}
