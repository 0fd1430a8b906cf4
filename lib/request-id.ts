import { randomBytes } from "node:crypto";

/** The header a request id travels in, both ways. */
export const REQUEST_ID_HEADER = "x-request-id";

/**
 * What a client may choose as its request id: 1 to 64 letters, digits and `.`, `_`, `:`, `-`
 * (UUIDs, ULIDs, trace ids). Nothing that could break a header or a log line (spaces, quotes,
 * CR/LF, non-ASCII), nothing that makes every log line about the request long.
 */
const SAFE_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Whether a value may be written into a header and a log line as a request id. */
export const isSafeRequestId = (value: unknown): value is string => typeof value === "string" && SAFE_ID.test(value);

/** A new id: 16 random bytes, hex (as long as a UUID without its dashes). */
export const newRequestId = (): string => randomBytes(16).toString("hex");

/**
 * The id of a request: the client's `x-request-id` when it is one value of the safe shape
 * (so a caller can follow its own request through our logs), a new one otherwise.
 */
export function acceptRequestId(sent: string | string[] | undefined): string {
  return isSafeRequestId(sent) ? sent : newRequestId();
}
