import { withRunAdmission } from "@/lib/http/admission";
import { fromPistonRequest, toPistonResponse } from "@/lib/http/piston";
import { json, pistonErrorResponse, readJson } from "@/lib/http/responses";
import { runAndRecord } from "@/lib/runs/run-and-record";

export const dynamic = "force-dynamic";

/** Piston v2 execute: same request and answer as Piston; the run is recorded unowned. */
export async function POST(request: Request) {
  return withRunAdmission(request, () => execute(request), "piston");
}

async function execute(request: Request) {
  try {
    const body = await readJson(request);
    const { result } = await runAndRecord(fromPistonRequest(body), { source: "piston", signal: request.signal });
    return json(toPistonResponse(result));
  } catch (err) {
    return pistonErrorResponse(err);
  }
}
