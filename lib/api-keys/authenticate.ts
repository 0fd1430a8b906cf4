import "server-only";
import type { Role } from "../auth/roles";
import { findKeyByHash } from "../db/api-keys";
import { env } from "../env";
import { isApiKeyToken, keyHashOf } from "./token";

/** Who is calling the HTTP API: the holder of an API key (runs are then its user's), or nobody in particular. */
export type ApiCaller =
  | {
      kind: "key";
      keyId: string;
      /** What runs and submissions are stored under: the key's user. */
      ownerId: string;
      user: { id: string; username: string; role: Role };
      limits: { perMinute: number; perDay: number };
    }
  | { kind: "anonymous" };

export type ApiAuth = { ok: true; caller: ApiCaller } | { ok: false; message: string; invalidToken: boolean };

const HOW = "send it as Authorization: Bearer rbx_…";

/** The bearer token of an Authorization header; undefined when there is no header, "" when it is not Bearer. */
export function bearerToken(headers: Headers): string | undefined {
  const value = headers.get("authorization");
  if (value === null) return undefined;
  return /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(value)?.[1] ?? "";
}

/**
 * The caller of an API request. A request that sends a key must send a live one: an unknown,
 * malformed or revoked key is refused (401), never treated as anonymous. Without a key the
 * caller is anonymous, allowed only while RUNBOX_API_ANONYMOUS is on. Keys are looked up by
 * their SHA-256 (an index lookup; nothing compares the secret itself) and never logged.
 */
export async function authenticateApi(headers: Headers): Promise<ApiAuth> {
  const token = bearerToken(headers);
  if (token === undefined) {
    if (env().RUNBOX_API_ANONYMOUS) return { ok: true, caller: { kind: "anonymous" } };
    return {
      ok: false,
      invalidToken: false,
      message: `This server's API needs an API key: create one on your account page (/account) and ${HOW}.`,
    };
  }
  if (!token) return { ok: false, invalidToken: true, message: `The Authorization header is not understood: ${HOW}.` };
  if (!isApiKeyToken(token))
    return {
      ok: false,
      invalidToken: true,
      message: "This is not a Runbox API key (keys start with rbx_ and are made on the account page).",
    };
  const key = await findKeyByHash(keyHashOf(token));
  if (!key) return { ok: false, invalidToken: true, message: "This API key is not valid." };
  if (key.revoked) return { ok: false, invalidToken: true, message: "This API key was revoked." };
  const e = env();
  return {
    ok: true,
    caller: {
      kind: "key",
      keyId: key.id,
      ownerId: key.user.id,
      user: key.user,
      limits: {
        perMinute: key.perMinute ?? e.RUNBOX_KEY_RUNS_PER_MINUTE,
        perDay: key.perDay ?? e.RUNBOX_KEY_RUNS_PER_DAY,
      },
    },
  };
}
