import { appEngine } from "@/lib/app-engine";
import { withApiCaller } from "@/lib/http/api-access";
import { json } from "@/lib/http/responses";
import { pistonRuntimes } from "@/lib/http/runtimes";

export const dynamic = "force-dynamic";

/** Piston v2: the runtimes this server has. */
export function GET(request: Request) {
  return withApiCaller(request, "piston", async () => json(pistonRuntimes(appEngine())));
}
