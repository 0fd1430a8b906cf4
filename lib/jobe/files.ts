import "server-only";
import { addressKey } from "../http/client-address";
import { checkRate } from "../http/rate-limit";
import { BodyError, readJson } from "../http/responses";
import { jobeClient } from "./api-keys";
import { JobeError } from "./errors";
import { decodeBase64, fileExists, isFileId, MAX_FILE_BYTES, putFile } from "./file-cache";
import { jobeEmpty, jobeErrorResponse, jobeJson } from "./responses";

/** base64 of the largest file, plus room for the JSON around it. */
const MAX_PUT_BODY_BYTES = Math.ceil((MAX_FILE_BYTES * 4) / 3) + 64 * 1024;

/** PUT files/{id} with { file_contents: base64 } → 204 (Jobe's messages for what is wrong). */
export async function putFileRoute(request: Request, id: string): Promise<Response> {
  try {
    const client = await jobeClient(request.headers);
    if (!isFileId(id)) throw new JobeError(400, `put: file id '${id.slice(0, 80)}' must be 1-64 letters and digits`);
    // Uploads by clients without a Jobe key count against their run rate (a Jobe key holder is trusted).
    if (client.kind !== "key") {
      const rate = await checkRate([client.kind === "user" ? client.key : addressKey(request.headers)]);
      if (!rate.allowed) return jobeJson("Max RUN rate for this server exceeded", 429, rate.headers);
    }
    let body: unknown;
    try {
      body = await readJson(request, MAX_PUT_BODY_BYTES);
    } catch (err) {
      if (err instanceof BodyError && err.status === 413)
        throw new JobeError(
          413,
          `put: file ${id} is larger than the ${MAX_FILE_BYTES / 1024} KiB a program's files may total`,
        );
      throw new JobeError(400, "put: missing file_contents parameter");
    }
    const contents = (body as { file_contents?: unknown } | null)?.file_contents;
    if (typeof contents !== "string") throw new JobeError(400, "put: missing file_contents parameter");
    const decoded = decodeBase64(contents);
    if (!decoded) throw new JobeError(400, `put: contents of file ${id} are not valid base-64`);
    await putFile(client, id, decoded);
    return jobeEmpty(204);
  } catch (err) {
    return jobeErrorResponse(err);
  }
}

/** HEAD files/{id} → 204 when this client would get the file in a run, 404 when not. */
export async function headFileRoute(request: Request, id: string): Promise<Response> {
  try {
    const client = await jobeClient(request.headers);
    if (!isFileId(id)) return jobeEmpty(404);
    return jobeEmpty((await fileExists(client, id)) ? 204 : 404);
  } catch (err) {
    // HEAD answers carry no body: the status says it.
    return jobeEmpty(err instanceof JobeError ? err.status : 500);
  }
}
