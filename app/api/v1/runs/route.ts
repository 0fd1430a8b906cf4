import type { ApiCaller } from "@/lib/api-keys/authenticate";
import type { NativeRunResponse } from "@/lib/api-schemas/native-run";
import { appEngine } from "@/lib/app-engine";
import { withRunAdmission } from "@/lib/http/admission";
import { errorResponse, json, readJson } from "@/lib/http/responses";
import { runAndRecord } from "@/lib/runs/run-and-record";
import type { StageResult } from "@/lib/sandbox";

export const dynamic = "force-dynamic";

/**
 * Run a program and store it: { id, status, message?, language, version, compile?, run, createdAt }.
 * A run made with an API key belongs to the key's user (their history); others are unowned.
 */
export async function POST(request: Request) {
  return withRunAdmission(request, (caller) => run(request, caller));
}

const withoutFiles = ({ files: _files, ...stage }: StageResult) => stage;

async function run(request: Request, caller: ApiCaller) {
  try {
    const engine = appEngine();
    const req = engine.parse(await readJson(request));
    const { id, createdAt, result, debug, message } = await runAndRecord(engine, req, {
      source: "api",
      ownerId: caller.kind === "key" ? caller.ownerId : null,
      signal: request.signal,
    });
    // Files the program wrote under /box/out: once, at the top, not inside the run stage.
    const outputs = result.run?.files ?? [];
    return json({
      id,
      status: result.status,
      ...(message ? { message } : {}),
      language: result.language,
      version: result.version,
      ...(result.compile ? { compile: result.compile } : {}),
      run: result.run ? withoutFiles(result.run) : null,
      outputs,
      ...(debug ? { debug } : {}),
      limits: result.limits,
      wallTimeMs: result.wallTimeMs,
      createdAt: createdAt.toISOString(),
    } satisfies NativeRunResponse);
  } catch (err) {
    return errorResponse(err);
  }
}
