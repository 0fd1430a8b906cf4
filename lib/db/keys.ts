/**
 * Whether a string from a request can be the key of a stored row (an id, a slug, a language):
 * 1–64 characters, none of them NUL. PostgreSQL's text cannot hold NUL and refuses a query that
 * passes one (an error, not "no rows"), so lookups answer "not found" without asking.
 */
export function isKey(value: string): boolean {
  return value.length > 0 && value.length <= 64 && !value.includes("\0");
}

/** Text for a text column on either database: NUL (which PostgreSQL refuses) becomes U+FFFD. */
export function storableText(value: string): string {
  return value.replaceAll("\0", "\uFFFD");
}
