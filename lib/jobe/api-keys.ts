import { createHash, timingSafeEqual } from "node:crypto";
import { type ApiCaller, authenticateApi } from "../api-keys/authenticate";
import { isApiKeyToken } from "../api-keys/token";
import { env } from "../env";
import { addressKey } from "../http/client-address";
import { JobeError } from "./errors";

/**
 * Who is calling the Jobe API: a key holder (a trusted server, e.g. Moodle), a Runbox user's API
 * key (runs are theirs, counted against the key's rate and quota), or an address.
 */
export type JobeClient =
  | { kind: "key"; key: string }
  | { kind: "user"; key: string; caller: Extract<ApiCaller, { kind: "key" }> }
  | { kind: "address"; key: string };

const digest = (s: string) => createHash("sha256").update(s).digest();

/** The configured keys, as digests: compared in constant time whatever their lengths. */
function configuredKeys(): Buffer[] {
  const g = globalThis as typeof globalThis & { __runboxJobeKeys?: { raw: string; digests: Buffer[] } };
  const raw = env().RUNBOX_JOBE_API_KEYS;
  if (g.__runboxJobeKeys?.raw !== raw)
    g.__runboxJobeKeys = {
      raw,
      digests: raw
        .split(",")
        .map((k) => k.trim())
        .filter(Boolean)
        .map(digest),
    };
  return g.__runboxJobeKeys.digests;
}

/**
 * The caller of a Jobe request. A Runbox API key (rbx_…) in X-API-KEY is always accepted while it
 * is live. Otherwise, with RUNBOX_JOBE_API_KEYS set, X-API-KEY must hold one of them (403 with
 * Jobe's messages otherwise) and the key is the client; without, the client is its address.
 * Every configured key is compared, so the time taken does not say which one nearly matched.
 */
export async function jobeClient(headers: Headers): Promise<JobeClient> {
  const sent = headers.get("x-api-key")?.trim();
  if (sent && isApiKeyToken(sent)) {
    const auth = await authenticateApi(new Headers({ authorization: `Bearer ${sent}` }));
    if (!auth.ok || auth.caller.kind !== "key") throw new JobeError(403, "Unknown API key");
    return { kind: "user", key: `apikey:${auth.caller.keyId}`, caller: auth.caller };
  }
  const keys = configuredKeys();
  if (keys.length === 0) return { kind: "address", key: addressKey(headers) };
  if (!sent) throw new JobeError(403, "Missing API key");
  const mine = digest(sent);
  let match = -1;
  keys.forEach((k, i) => {
    if (timingSafeEqual(k, mine) && match < 0) match = i;
  });
  if (match < 0) throw new JobeError(403, "Unknown API key");
  // Named by a digest: the key itself is never stored (file scopes) or logged.
  return { kind: "key", key: `jobe-key:${mine.subarray(0, 8).toString("hex")}` };
}
