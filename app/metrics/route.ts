import { metricsDenied } from "@/lib/metrics/access";
import { metrics } from "@/lib/metrics/registry";

export const dynamic = "force-dynamic";

/** Prometheus text format: runs, latency, queue, warm pools, Docker engines (see README, Metrics). */
export async function GET(request: Request) {
  const denied = metricsDenied(request);
  if (denied) return denied;
  const { registry } = metrics();
  return new Response(await registry.metrics(), {
    headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" },
  });
}
