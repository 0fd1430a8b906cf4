/**
 * The Content-Security-Policy of every file a run wrote, as the file routes serve it: nothing
 * loads, nothing runs (sandbox: no scripts, no same-origin), inline styles only so an SVG still
 * draws as written, never framed. next.config.ts sets it too, because its /api headers would
 * otherwise replace the route's own.
 */
export const FILE_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'";
