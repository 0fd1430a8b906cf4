import "server-only";
import { type Admission, admitRun } from "../http/admission";
import { admitKeyRun } from "../http/key-admission";
import { readJson } from "../http/responses";
import { runAndRecord } from "../runs/run-and-record";
import type { Engine } from "../sandbox";
import { SandboxBusy } from "../sandbox/errors";
import { jobeClient } from "./api-keys";
import { loadFiles } from "./file-cache";
import { claimQueuePlace } from "./queue-places";
import { jobeErrorResponse, jobeJson } from "./responses";
import { overloaded, toJobeResult } from "./result";
import { parseRunSpec } from "./run-spec";
import { sourceFileName, toExecuteInput } from "./to-request";

/**
 * POST runs, in Jobe's order: key (403), run spec (400), files (404), then the run. The run is
 * admitted like every API run — by address, with the per-client cap and rate; by a Runbox API
 * key's rate and quota (the run is then its user's) — unless the caller holds a configured Jobe
 * key: that is a trusted server (a Moodle server sends a whole class's work from one address),
 * bounded only by the engine's queue. A full queue, or the per-client cap, is Jobe's "server
 * overload" (outcome 21), never a hang.
 */
export async function postRun(request: Request, engine: Engine): Promise<Response> {
  try {
    const client = await jobeClient(request.headers);
    const spec = parseRunSpec(await readJson(request));
    const files = await loadFiles(client, spec.fileList);
    const req = engine.parse(toExecuteInput(spec, files, engine.config.bounds));

    // A place in the queue first: past it the answer is "overloaded" whoever asks.
    const settle = claimQueuePlace(engine);
    if (!settle) return jobeJson(overloaded(), 200);
    let release: () => unknown = () => {};
    let headers: Record<string, string> = {};
    if (client.kind !== "key") {
      const admission: Admission =
        client.kind === "user" ? await admitKeyRun(client.caller) : await admitRun([client.key], "address");
      if (!admission.ok) {
        settle();
        const { code, message, status = 429 } = admission.refusal;
        if (code === "too_many_runs") return jobeJson(overloaded(), 200, admission.refusal.headers);
        return jobeJson(message, status === 401 ? 403 : status, admission.refusal.headers);
      }
      release = admission.release;
      headers = admission.headers;
    }
    try {
      // The first event (queued, or a stage starting) means the engine's slots count the run now.
      const { id, result } = await runAndRecord(engine, req, {
        source: "jobe",
        ownerId: client.kind === "user" ? client.caller.ownerId : null,
        signal: request.signal,
        onEvent: settle,
      });
      return jobeJson(
        toJobeResult(id, result, { languageId: spec.language.id, entry: sourceFileName(spec) }),
        200,
        headers,
      );
    } catch (err) {
      if (err instanceof SandboxBusy) return jobeJson(overloaded(), 200, headers);
      throw err;
    } finally {
      settle();
      release();
    }
  } catch (err) {
    return jobeErrorResponse(err);
  }
}
