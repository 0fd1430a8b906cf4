import { nanoid } from "nanoid";
import { type NextRequest, NextResponse } from "next/server";

// Duplicated from lib/owner.ts (which is server-only and imports next/headers).
const OWNER_COOKIE = "runbox_owner";

/**
 * The page security policy. Scripts: only Next's own (each carries this request's nonce) and
 * what they load (Monaco's loader, via 'strict-dynamic'); no inline script otherwise. Styles
 * may be inline (Monaco and ANSI colours set style attributes). Only ?embed=1 may be framed.
 */
function contentSecurityPolicy(nonce: string, embeddable: boolean): string {
  const dev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${embeddable ? "*" : "'none'"}`,
  ].join("; ");
}

/** Every page: a fresh CSP nonce, security headers, and (first visit) the anonymous owner cookie. */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const embeddable = request.nextUrl.pathname.startsWith("/s/") && request.nextUrl.searchParams.get("embed") === "1";
  const csp = contentSecurityPolicy(nonce, embeddable);

  // Next.js reads the nonce from the request's CSP header and puts it on its own scripts.
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  headers.set("x-nonce", nonce);
  let ownerId: string | undefined;
  const current = request.cookies.get(OWNER_COOKIE)?.value;
  if (!current || !/^[\w-]{21}$/.test(current)) {
    ownerId = nanoid();
    // Visible to this request's server components too.
    const others = (request.headers.get("cookie") ?? "")
      .split(";")
      .filter((c) => c.trim() && !c.trim().startsWith(`${OWNER_COOKIE}=`));
    headers.set("cookie", [...others, `${OWNER_COOKIE}=${ownerId}`].join("; "));
  }

  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("X-Content-Type-Options", "nosniff");
  response.headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  response.headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
  response.headers.set("Cross-Origin-Opener-Policy", "same-origin");
  if (!embeddable) response.headers.set("X-Frame-Options", "DENY");
  if (ownerId) {
    response.cookies.set(OWNER_COOKIE, ownerId, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      maxAge: 60 * 60 * 24 * 730,
    });
  }
  return response;
}

export const config = {
  // Pages only: API routes get their headers from next.config.ts; static files need none.
  matcher: ["/((?!api/|_next/static|_next/image|monaco/|icon.svg|favicon.ico).*)"],
};
