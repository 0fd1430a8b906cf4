import { type NextRequest, NextResponse } from "next/server";
import { addressKey } from "./lib/http/client-address";
import { checkPageRate } from "./lib/http/rate-limit";
import { newOwnerToken, verifyOwnerToken } from "./lib/identity/owner-token";

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
    // Monaco's workers start from /monaco/worker.js (scripts/copy-monaco.sh), never from blob: URLs.
    "worker-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${embeddable ? "*" : "'none'"}`,
  ].join("; ");
}

/** A short page for a client over its page-view rate (no script, no styles, nothing to load). */
function tooManyPages(retryAfterSec: number, headers: Record<string, string>): NextResponse {
  const body = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Too many requests · Runbox</title><h1>Too many requests</h1><p>Pages were requested from your address very fast. Wait ${retryAfterSec} s, then reload.</p></html>\n`;
  return new NextResponse(body, {
    status: 429,
    headers: {
      ...headers,
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
    },
  });
}

/**
 * Every page: the per-address page-view limit, a fresh CSP nonce, security headers, and (when
 * the browser has no validly signed one) a new anonymous owner cookie.
 */
export function proxy(request: NextRequest) {
  const rate = checkPageRate(addressKey(request.headers));
  if (!rate.allowed) return tooManyPages(rate.retryAfterSec, rate.headers);
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const embeddable = request.nextUrl.pathname.startsWith("/s/") && request.nextUrl.searchParams.get("embed") === "1";
  const csp = contentSecurityPolicy(nonce, embeddable);

  // Next.js reads the nonce from the request's CSP header and puts it on its own scripts.
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  headers.set("x-nonce", nonce);
  // Unsigned, forged or tampered (and the unsigned cookies of before signing): no identity.
  let issued: string | undefined;
  if (!verifyOwnerToken(request.cookies.get(OWNER_COOKIE)?.value)) {
    issued = newOwnerToken().token;
    // Visible to this request's server components too.
    const others = (request.headers.get("cookie") ?? "")
      .split(";")
      .filter((c) => c.trim() && !c.trim().startsWith(`${OWNER_COOKIE}=`));
    headers.set("cookie", [...others, `${OWNER_COOKIE}=${issued}`].join("; "));
  }

  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("X-Content-Type-Options", "nosniff");
  response.headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  response.headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
  response.headers.set("Cross-Origin-Opener-Policy", "same-origin");
  if (!embeddable) response.headers.set("X-Frame-Options", "DENY");
  if (issued) {
    response.cookies.set(OWNER_COOKIE, issued, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      maxAge: 60 * 60 * 24 * 730,
    });
  }
  return response;
}

export const config = {
  // Pages only: API routes (and the Jobe API, /metrics) get their headers from next.config.ts; static files need none.
  matcher: ["/((?!api/|jobe/|metrics$|_next/static|_next/image|monaco/|icon.svg|favicon.ico).*)"],
};
