/** A path that stays on this site (for ?next=): "/x", never "//host", "/\\host" or a full URL. */
export function safeNext(next: unknown, fallback = "/"): string {
  return typeof next === "string" && /^\/(?![/\\])[^\s]*$/.test(next) && next.length <= 500 ? next : fallback;
}
