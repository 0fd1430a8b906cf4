/**
 * Which pages may open a WebSocket here. A browser sends the page's Origin with every WebSocket
 * handshake and, unlike fetch, applies no CORS check to the answer, so a page on any site could
 * otherwise open a socket that carries this site's cookies (cross-site WebSocket hijacking).
 *
 * - "page" sockets (the playground's terminal) act for the browser's owner cookie: only pages
 *   of this very origin may open them, and a handshake without an Origin is refused.
 * - "api" sockets (Piston's /connect, the native API) are for programs, which send no Origin:
 *   those are allowed; a browser page may use them only from this origin.
 *
 * "This origin" is the Host the handshake was sent to (a reverse proxy must pass it on).
 */
export type SocketAudience = "page" | "api";

export function originAllowed(audience: SocketAudience, origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined || origin === "") return audience === "api";
  if (!host) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // "null" (sandboxed frames, files) and anything malformed
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  return url.host.toLowerCase() === host.trim().toLowerCase();
}
