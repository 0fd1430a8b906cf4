/**
 * Whether JSON text nests arrays and objects deeper than `max`: one linear pass that skips strings
 * (escapes included). JSON.parse of 4 MiB of `[[[[…` costs ~0.6 s of the event loop, and zod walks
 * what it builds again; no request of ours nests deeper than a handful of levels, so such a body
 * is refused before it is parsed.
 */
export function jsonNestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}
