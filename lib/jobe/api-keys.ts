import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "../env";
import { addressKey } from "../http/client-address";
import { JobeError } from "./errors";

/** Who is calling the Jobe API: a key holder (a trusted server, e.g. Moodle) or an address. */
export type JobeClient = { kind: "key"; key: string } | { kind: "address"; key: string };

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
 * The caller of a Jobe request. With RUNBOX_JOBE_API_KEYS set, X-API-KEY must hold one of them
 * (403 with Jobe's messages otherwise) and the key is the client; without, the client is its
 * address. Every key is compared, so the time taken does not say which one nearly matched.
 */
export function jobeClient(headers: Headers): JobeClient {
  const keys = configuredKeys();
  if (keys.length === 0) return { kind: "address", key: addressKey(headers) };
  const sent = headers.get("x-api-key")?.trim();
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
