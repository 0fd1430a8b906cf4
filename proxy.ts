import { nanoid } from "nanoid";
import { type NextRequest, NextResponse } from "next/server";

// Duplicated from lib/owner.ts (which is server-only and imports next/headers).
const OWNER_COOKIE = "runbox_owner";

/** First visit: give the browser an anonymous owner id, before any page reads it. */
export function proxy(request: NextRequest) {
  const response = NextResponse.next();
  const current = request.cookies.get(OWNER_COOKIE)?.value;
  if (!current || !/^[\w-]{21}$/.test(current)) {
    const id = nanoid();
    // Visible to this request's server components too.
    request.cookies.set(OWNER_COOKIE, id);
    const forwarded = NextResponse.next({ request: { headers: request.headers } });
    forwarded.cookies.set(OWNER_COOKIE, id, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 * 60 * 24 * 730 });
    return forwarded;
  }
  return response;
}

export const config = {
  // Pages only: API clients own runs through their keys, not cookies.
  matcher: ["/((?!api/|_next/|monaco/|icon.svg|favicon.ico).*)"],
};
