import "server-only";
import { createHash } from "node:crypto";
import { findJobeFiles, hasJobeFile, type JobeFilePolicy, putJobeFile } from "../db/jobe-files";
import { env } from "../env";
import { INPUT_CAPS } from "../sandbox";
import type { JobeClient } from "./api-keys";
import { JobeError } from "./errors";
import { MAX_FILE_ID_LENGTH } from "./run-spec";

/**
 * Jobe's file cache, content-addressed where it can be: CodeRunner names each file by the MD5
 * of its contents, so a file whose id is that MD5 is stored once and shared by every client (no
 * client can put other contents under it). Any other id (Jobe allows any) is private to the
 * client that uploaded it: one client cannot replace a file another relies on.
 */

/** A program's files may total INPUT_CAPS.sourceBytes, so no single support file may be larger. */
export const MAX_FILE_BYTES = INPUT_CAPS.sourceBytes;
const SHARED = "";

function policy(): JobeFilePolicy {
  const e = env();
  return {
    maxBytes: e.RUNBOX_JOBE_FILES_MAX_MB > 0 ? Math.round(e.RUNBOX_JOBE_FILES_MAX_MB * 1024 * 1024) : null,
    maxAgeMs: Math.round(e.RUNBOX_JOBE_FILES_MAX_AGE_DAYS * 24 * 60 * 60 * 1000),
  };
}

/** The scopes a client sees: the shared one first (a content-verified file is what everyone means). */
const scopesOf = (client: JobeClient) => [SHARED, client.key];

/** Jobe's route accepts only letters and digits; the length bound keeps ids keys, not data. */
export const isFileId = (id: string) => /^[A-Za-z0-9]+$/.test(id) && id.length <= MAX_FILE_ID_LENGTH;

/** Decode Jobe's file_contents: standard base64, whitespace allowed; undefined when it is not base64. */
export function decodeBase64(text: string): Buffer | undefined {
  const compact = text.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) return undefined;
  return Buffer.from(compact, "base64");
}

/** PUT files/{id}: store the contents (shared when the id is their MD5, else the client's own). */
export async function putFile(client: JobeClient, id: string, content: Buffer): Promise<void> {
  if (content.length > MAX_FILE_BYTES)
    throw new JobeError(
      413,
      `put: file ${id} is ${Math.ceil(content.length / 1024)} KiB; Runbox runs programs with at most ${MAX_FILE_BYTES / 1024} KiB of files`,
    );
  const md5 = createHash("md5").update(content).digest("hex");
  await putJobeFile({ scope: md5 === id ? SHARED : client.key, id, content }, policy());
}

/** HEAD files/{id}: whether this client would get the file in a run. */
export function fileExists(client: JobeClient, id: string): Promise<boolean> {
  return hasJobeFile(id, scopesOf(client), policy());
}

/** The files of a run's file_list, named as asked; JobeError(404) when any is missing or expired. */
export async function loadFiles(
  client: JobeClient,
  list: { id: string; name: string }[],
): Promise<{ name: string; content: Buffer }[]> {
  const found = await findJobeFiles(
    list.map((f) => f.id),
    scopesOf(client),
    policy(),
  );
  return list.map(({ id, name }) => {
    const content = found.get(id);
    if (!content) throw new JobeError(404, "One or more of the specified files is missing/unavailable");
    return { name, content };
  });
}
