import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "../env";
import { json } from "./responses";

const digest = (s: string) => createHash("sha256").update(s).digest();

/** null when the request carries the admin bearer token; otherwise the answer to send. */
export function adminDenied(request: Request): Response | null {
  const token = env().RUNBOX_ADMIN_TOKEN;
  if (!token) {
    return json(
      { error: { code: "admin_off", message: "The admin API is off on this server (set RUNBOX_ADMIN_TOKEN)." } },
      403,
    );
  }
  const given = /^Bearer\s+(.+)$/i.exec(request.headers.get("authorization") ?? "")?.[1]?.trim() ?? "";
  // Compare digests in constant time, so response timing says nothing about the token.
  if (!given || !timingSafeEqual(digest(given), digest(token))) {
    return json(
      { error: { code: "unauthorized", message: "A valid admin token is required (Authorization: Bearer …)." } },
      401,
      {
        "WWW-Authenticate": "Bearer",
      },
    );
  }
  return null;
}
