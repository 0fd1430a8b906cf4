/**
 * ANSI SGR colours → styled text segments, for rendering program output as React text nodes.
 * Every other escape or control sequence is dropped. One pass over the input, no regex
 * backtracking: pathological input (a million ESC bytes, unterminated sequences) is linear.
 */

export interface AnsiStyle {
  fg?: number;
  bg?: number;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
}

export interface AnsiSegment {
  text: string;
  style: AnsiStyle;
  /** Where the segment's text starts in the input (a stable key). */
  at: number;
}

/** Longest parameter list we keep reading before giving up on a CSI sequence. */
const MAX_PARAMS_LENGTH = 64;

function applySgr(style: AnsiStyle, params: number[]): AnsiStyle {
  let next = { ...style };
  for (let i = 0; i < params.length; i++) {
    const p = params[i] ?? 0;
    if (p === 0) next = {};
    else if (p === 1) next.bold = true;
    else if (p === 2) next.dim = true;
    else if (p === 3) next.italic = true;
    else if (p === 4) next.underline = true;
    else if (p === 22) {
      next.bold = false;
      next.dim = false;
    } else if (p === 23) next.italic = false;
    else if (p === 24) next.underline = false;
    else if (p >= 30 && p <= 37) next.fg = p - 30;
    else if (p >= 90 && p <= 97) next.fg = p - 90 + 8;
    else if (p === 39) next.fg = undefined;
    else if (p >= 40 && p <= 47) next.bg = p - 40;
    else if (p >= 100 && p <= 107) next.bg = p - 100 + 8;
    else if (p === 49) next.bg = undefined;
    else if ((p === 38 || p === 48) && params[i + 1] === 5) {
      // 256-colour: keep the 16 basic ones, map the rest to nothing rather than guess.
      const n = params[i + 2] ?? 0;
      if (n < 16) next[p === 38 ? "fg" : "bg"] = n;
      i += 2;
    } else if ((p === 38 || p === 48) && params[i + 1] === 2) {
      i += 4; // truecolour: ignored
    }
  }
  return next;
}

/** Split text into styled segments; control characters other than \n and \t are removed. */
export function parseAnsi(input: string): AnsiSegment[] {
  const segments: AnsiSegment[] = [];
  let style: AnsiStyle = {};
  let text = "";
  let at = 0;
  const flush = () => {
    if (text) segments.push({ text, style, at });
    text = "";
  };
  let i = 0;
  const n = input.length;
  while (i < n) {
    const c = input.charCodeAt(i);
    if (c === 0x1b) {
      const kind = input[i + 1];
      if (kind === "[") {
        // CSI: parameters, then one final byte in @..~
        let j = i + 2;
        while (j < n && j - i < MAX_PARAMS_LENGTH) {
          const d = input.charCodeAt(j);
          if (d >= 0x40 && d <= 0x7e) break;
          j++;
        }
        if (j < n && input[j] === "m") {
          flush();
          const params = input
            .slice(i + 2, j)
            .split(";")
            .map((s) => (s === "" ? 0 : Number.parseInt(s, 10) || 0));
          style = applySgr(style, params);
        }
        i = j < n ? j + 1 : n;
        continue;
      }
      if (kind === "]") {
        // OSC: up to BEL or ESC \ (bounded, so an unterminated one cannot swallow everything)
        let j = i + 2;
        while (j < n && j - i < 4096 && input.charCodeAt(j) !== 0x07 && input.charCodeAt(j) !== 0x1b) j++;
        i = j < n && input.charCodeAt(j) === 0x07 ? j + 1 : j < n && input[j + 1] === "\\" ? j + 2 : j;
        continue;
      }
      i += kind === undefined ? 1 : 2; // a two-byte escape (or a lone ESC at the end)
      continue;
    }
    // Newline and tab stay; every other control character (CR, BS, NUL, DEL…) is dropped.
    if ((c === 0x0a || c === 0x09 || c >= 0x20) && c !== 0x7f) {
      if (text === "") at = i;
      text += input[i];
    }
    i++;
  }
  flush();
  return segments;
}

/** Output with every escape and control sequence removed. */
export function stripAnsi(input: string): string {
  return parseAnsi(input)
    .map((s) => s.text)
    .join("");
}
