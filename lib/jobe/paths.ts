/**
 * Jobe answers its routes with or without a trailing slash (testsubmit.py posts to "runs/"),
 * while Next.js redirects "/x/" to "/x" with a 308 that Jobe clients do not follow. The front
 * server (server.ts) drops the slash from Jobe paths before Next.js sees them.
 */
export function normalizeJobeUrl(url: string): string {
  if (!url.startsWith("/jobe/")) return url;
  const q = url.indexOf("?");
  const path = q < 0 ? url : url.slice(0, q);
  let end = path.length;
  while (end > 1 && path[end - 1] === "/") end--;
  return end === path.length ? url : path.slice(0, end) + (q < 0 ? "" : url.slice(q));
}
