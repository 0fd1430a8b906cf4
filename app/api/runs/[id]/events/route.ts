import { getRun } from "@/lib/db/runs";
import { withReadLimit } from "@/lib/http/admission";
import { currentIdentity } from "@/lib/identity/current";
import { followLiveRun, type LiveEvent, outcomeOf } from "@/lib/runs/live-runs";

export const dynamic = "force-dynamic";

/**
 * A run's events as NDJSON while it runs (a route handler, not a server action: actions
 * from one client run one at a time). Ends with {"type":"done","result":…}.
 */
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  // Counted with the address's page views: each stream costs this instance (and, for a run on
  // another instance, that one's replay).
  return withReadLimit(request, () => stream(request, ctx));
}

async function stream(request: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  const owner = (await currentIdentity()).ownerId;
  const encoder = new TextEncoder();
  let stop = () => {};
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      const close = () => {
        if (closed) return;
        closed = true;
        stop();
        controller.close();
      };
      const send = (e: LiveEvent) => {
        if (closed) return;
        controller.enqueue(encoder.encode(`${JSON.stringify(e)}\n`));
        if (e.type === "done" || e.type === "error") close();
      };
      request.signal.addEventListener("abort", close);
      const watch = await followLiveRun(id, owner, send);
      if (watch) {
        // The client may have gone while this instance asked another one for the run.
        if (closed) watch.unsubscribe();
        else stop = watch.unsubscribe;
        return;
      }
      // Not live (finished a while ago): the database has the outcome.
      const run = id.length <= 64 ? await getRun(id) : null;
      if (!run || !owner || run.ownerId !== owner) send({ type: "error", message: "This run does not exist." });
      else send({ type: "done", result: outcomeOf(run) });
    },
    cancel() {
      stop();
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "application/x-ndjson; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Accel-Buffering": "no",
    },
  });
}
