/**
 * ANSI SGR colours → styled text segments, for rendering program output as React text nodes.
 * Every other escape or control sequence is dropped. One pass over the input, no regex and no
 * character-by-character string building: text is sliced out in runs, consecutive text of one
 * style becomes one segment, and past a cap on styled segments the rest is plain text, so the
 * number of nodes a caller renders is bounded whatever the input.
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
/** Longest OSC (window title…) we look for a terminator in, so an unterminated one cannot swallow everything. */
const MAX_OSC_LENGTH = 4096;

export const PLAIN: AnsiStyle = Object.freeze({});

export function sameStyle(a: AnsiStyle, b: AnsiStyle): boolean {
  return (
    a.fg === b.fg &&
    a.bg === b.bg &&
    !a.bold === !b.bold &&
    !a.dim === !b.dim &&
    !a.italic === !b.italic &&
    !a.underline === !b.underline
  );
}

export function isPlain(s: AnsiStyle): boolean {
  return s.fg === undefined && s.bg === undefined && !s.bold && !s.dim && !s.italic && !s.underline;
}

/** The style after one SGR sequence; `params` is the text between "ESC [" and "m" (at most 64 characters). */
export function applySgr(style: AnsiStyle, params: string): AnsiStyle {
  if (params === "" || params === "0") return PLAIN; // the common reset, without splitting
  const ps = params.split(";").map((s) => (s === "" ? 0 : Number.parseInt(s, 10) || 0));
  let next: AnsiStyle = { ...style };
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i] ?? 0;
    if (p === 0) next = {};
    else if (p === 1) next.bold = true;
    else if (p === 2) next.dim = true;
    else if (p === 3) next.italic = true;
    else if (p === 4) next.underline = true;
    else if (p === 22) {
      delete next.bold;
      delete next.dim;
    } else if (p === 23) delete next.italic;
    else if (p === 24) delete next.underline;
    else if (p >= 30 && p <= 37) next.fg = p - 30;
    else if (p >= 90 && p <= 97) next.fg = p - 90 + 8;
    else if (p === 39) delete next.fg;
    else if (p >= 40 && p <= 47) next.bg = p - 40;
    else if (p >= 100 && p <= 107) next.bg = p - 100 + 8;
    else if (p === 49) delete next.bg;
    else if ((p === 38 || p === 48) && ps[i + 1] === 5) {
      // 256-colour: keep the 16 basic ones, map the rest to nothing rather than guess.
      const n = ps[i + 2] ?? 0;
      if (n < 16) next[p === 38 ? "fg" : "bg"] = n;
      i += 2;
    } else if ((p === 38 || p === 48) && ps[i + 1] === 2) {
      i += 4; // truecolour: ignored
    }
  }
  return next;
}

/**
 * The escape sequence at `i` (input[i] is ESC): the index just past it, and for an SGR ("ESC [ … m")
 * its parameter text. Bounded look-ahead, so scanning a million ESC bytes stays linear.
 */
export function scanEscape(input: string, i: number): { end: number; sgr: string | null } {
  const n = input.length;
  const kind = input.charCodeAt(i + 1);
  if (kind === 0x5b /* [ */) {
    // CSI: parameters, then one final byte in @..~
    let j = i + 2;
    while (j < n && j - i < MAX_PARAMS_LENGTH) {
      const d = input.charCodeAt(j);
      if (d >= 0x40 && d <= 0x7e) break;
      j++;
    }
    if (j >= n) return { end: n, sgr: null };
    return { end: j + 1, sgr: input.charCodeAt(j) === 0x6d /* m */ ? input.slice(i + 2, j) : null };
  }
  if (kind === 0x5d /* ] */) {
    // OSC: up to BEL or ESC \
    let j = i + 2;
    while (j < n && j - i < MAX_OSC_LENGTH) {
      const d = input.charCodeAt(j);
      if (d === 0x07 || d === 0x1b) break;
      j++;
    }
    const d = input.charCodeAt(j);
    const end = d === 0x07 ? j + 1 : d === 0x1b && input.charCodeAt(j + 1) === 0x5c ? j + 2 : j;
    return { end, sgr: null };
  }
  return { end: Math.min(n, i + 2), sgr: null }; // a two-byte escape (or a lone ESC at the end)
}

/** Newline and tab stay; every other control character (CR, BS, NUL, DEL…) is dropped. */
const kept = (c: number) => (c >= 0x20 && c !== 0x7f) || c === 0x0a || c === 0x09;

export interface ParseOptions {
  /** The style in effect where `input` starts (a later chunk of a longer output). */
  style?: AnsiStyle;
  /** At most this many styled segments; the text after them is one plain segment. */
  maxStyled?: number;
}

/** Split text into styled segments; control characters other than \n and \t are removed. */
export function parseAnsi(input: string, options: ParseOptions = {}): AnsiSegment[] {
  const maxStyled = options.maxStyled ?? Number.POSITIVE_INFINITY;
  const segments: AnsiSegment[] = [];
  let styled = 0;
  let style: AnsiStyle = options.style ?? PLAIN;
  // The open segment: its style, where it starts, and its text as slices of the input.
  let openStyle: AnsiStyle = style;
  let openAt = 0;
  let pieces: string[] = [];
  let runStart = -1;
  const endRun = (i: number) => {
    if (runStart >= 0) pieces.push(input.slice(runStart, i));
    runStart = -1;
  };
  const flush = () => {
    if (pieces.length === 0) return;
    const text = pieces.length === 1 ? (pieces[0] as string) : pieces.join("");
    segments.push({ text, style: openStyle, at: openAt });
    if (!isPlain(openStyle)) styled++;
    pieces = [];
  };
  const n = input.length;
  let i = 0;
  while (i < n) {
    const c = input.charCodeAt(i);
    if (c === 0x1b) {
      endRun(i);
      const { end, sgr } = scanEscape(input, i);
      // Past the cap, styles are still read (and dropped): the rest renders as plain text.
      if (sgr !== null && styled < maxStyled) style = applySgr(style, sgr);
      i = end;
      continue;
    }
    if (!kept(c)) {
      endRun(i);
      i++;
      continue;
    }
    if (runStart < 0) {
      if (styled >= maxStyled) style = PLAIN;
      if (pieces.length > 0 && !sameStyle(openStyle, style)) {
        flush();
        if (styled >= maxStyled) style = PLAIN;
      }
      if (pieces.length === 0) {
        openStyle = style;
        openAt = i;
      }
      runStart = i;
    }
    i++;
  }
  endRun(n);
  flush();
  return segments;
}

/** Output with every escape and control sequence removed. */
export function stripAnsi(input: string): string {
  return parseAnsi(input, { maxStyled: 0 })
    .map((s) => s.text)
    .join("");
}
