import { appEngine } from "@/lib/app-engine";
import { withRunAdmission } from "@/lib/http/admission";
import { errorResponse, json, readJson } from "@/lib/http/responses";
import { runAndRecord } from "@/lib/runs/run-and-record";

export const dynamic = "force-dynamic";

/** Run a program and store it: { id, status, message?, language, version, compile?, run, createdAt }. */
export async function POST(request: Request) {
  return withRunAdmission(request, () => run(request));
}

async function run(request: Request) {
  try {
    const engine = appEngine();
    const req = engine.parse(await readJson(request));
    const { id, createdAt, result, debug, message } = await runAndRecord(engine, req, {
      source: "api",
      signal: request.signal,
    });
    // Files the program wrote under /box/out: once, at the top, not inside the run stage.
    const { files: outputs = [], ...run } = result.run ?? { files: [] };
    return json({
      id,
      status: result.status,
      ...(message ? { message } : {}),
      language: result.language,
      version: result.version,
      ...(result.compile ? { compile: result.compile } : {}),
      run: result.run ? run : null,
      outputs,
      ...(debug ? { debug } : {}),
      limits: result.limits,
      wallTimeMs: result.wallTimeMs,
      createdAt: createdAt.toISOString(),
    });
  } catch (err) {
    return errorResponse(err);
  }
}
