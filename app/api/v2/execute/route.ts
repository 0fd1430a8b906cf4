import type { ApiCaller } from "@/lib/api-keys/authenticate";
import { appEngine } from "@/lib/app-engine";
import { withRunAdmission } from "@/lib/http/admission";
import { fromPistonRequest, toPistonResponse } from "@/lib/http/piston";
import { json, pistonErrorResponse, readJson } from "@/lib/http/responses";
import { runAndRecord, serverTiming, type Timings } from "@/lib/runs/run-and-record";

export const dynamic = "force-dynamic";

/** Piston v2 execute: same request and answer as Piston; the run is recorded (the key's user's, or unowned). */
export async function POST(request: Request) {
  return withRunAdmission(request, (caller) => execute(request, caller), "piston");
}

async function execute(request: Request, caller: ApiCaller) {
  try {
    // Piston answers 415 to a POST that is not JSON.
    if (!request.headers.get("content-type")?.startsWith("application/json"))
      return json({ message: "requests must be of type application/json" }, 415);
    const started = performance.now();
    const engine = appEngine();
    const req = engine.parse(fromPistonRequest(await readJson(request), engine.config.bounds));
    const timings: Timings = { parse: performance.now() - started };
    const { result } = await runAndRecord(engine, req, {
      source: "piston",
      ownerId: caller.kind === "key" ? caller.ownerId : null,
      signal: request.signal,
      timings,
    });
    const body = toPistonResponse(result);
    timings.total = performance.now() - started;
    return json(body, 200, { "Server-Timing": serverTiming(timings) });
  } catch (err) {
    return pistonErrorResponse(err);
  }
}
