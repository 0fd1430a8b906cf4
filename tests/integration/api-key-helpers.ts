import { newApiKeyToken } from "@/lib/api-keys/token";
import type { Role } from "@/lib/auth/roles";
import { createApiKey, setApiKeyLimits } from "@/lib/db/api-keys";
import { accountWithSession } from "./account-helpers";

/** An account with a live API key (and a session): ids, the key's token and an Authorization header. */
export async function accountWithKey(
  prefix: string,
  opts: { role?: Role; perMinute?: number | null; perDay?: number | null } = {},
) {
  const account = await accountWithSession(prefix, opts.role ?? "student");
  const { token, hash, prefix: shown } = newApiKeyToken();
  const key = await createApiKey({ userId: account.id, name: "test key", tokenHash: hash, prefix: shown });
  if (key === "too_many") throw new Error("too many keys");
  if (opts.perMinute !== undefined || opts.perDay !== undefined)
    await setApiKeyLimits(key.id, { perMinute: opts.perMinute ?? null, perDay: opts.perDay ?? null });
  return { ...account, keyId: key.id, token, authorization: `Bearer ${token}` };
}

/** A JSON request as a route handler receives it, with extra headers. */
export function jsonRequest(method: string, body?: unknown, headers: Record<string, string> = {}): Request {
  return new Request("http://127.0.0.1/api", {
    method,
    headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
}
