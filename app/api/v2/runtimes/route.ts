import { appEngine } from "@/lib/app-engine";
import { json } from "@/lib/http/responses";
import { pistonRuntimes } from "@/lib/http/runtimes";

export const dynamic = "force-dynamic";

/** Piston v2: the runtimes this server has. */
export function GET() {
  return json(pistonRuntimes(appEngine()));
}
