import { createHash, timingSafeEqual } from "node:crypto";
import { authenticateApi, bearerToken } from "../api-keys/authenticate";
import { isApiKeyToken } from "../api-keys/token";
import { hasRole } from "../auth/roles";
import { env } from "../env";
import { json } from "./responses";

const digest = (s: string) => createHash("sha256").update(s).digest();

const needed = () =>
  json(
    {
      error: {
        code: "unauthorized",
        message: "A valid admin token, or an admin's API key, is required (Authorization: Bearer …).",
      },
    },
    401,
    { "WWW-Authenticate": 'Bearer realm="runbox"' },
  );

/**
 * null when the request may use the admin API: it carries RUNBOX_ADMIN_TOKEN, or the API key of
 * a user who is an admin now (a key whose user lost the role stops working here at once).
 * Otherwise the answer to send. Without a token configured and no key sent, the admin API is off.
 */
export async function adminDenied(request: Request): Promise<Response | null> {
  const given = bearerToken(request.headers) ?? "";
  if (isApiKeyToken(given)) {
    const auth = await authenticateApi(request.headers);
    return auth.ok && auth.caller.kind === "key" && hasRole(auth.caller.user, "admin") ? null : needed();
  }
  const token = env().RUNBOX_ADMIN_TOKEN;
  if (!token) {
    return json(
      {
        error: {
          code: "admin_off",
          message: "The admin API is off on this server (set RUNBOX_ADMIN_TOKEN, or use an admin's API key).",
        },
      },
      403,
    );
  }
  // Compare digests in constant time, so response timing says nothing about the token.
  if (!given || !timingSafeEqual(digest(given), digest(token))) return needed();
  return null;
}
