import { appEngine } from "@/lib/app-engine";
import { postRun } from "@/lib/jobe/run";

export const dynamic = "force-dynamic";

/** Jobe: POST runs with { run_spec } → { run_id, outcome, cmpinfo, stdout, stderr }. */
export function POST(request: Request) {
  return postRun(request, appEngine());
}
