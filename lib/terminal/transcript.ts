/**
 * A terminal transcript as text: what the person saw, with the terminal's own editing applied.
 * A pseudo-terminal's output ends lines with "\r\n" and carries the line discipline's echo of
 * editing ("\b \b" for a Backspace); pages render text, so these are resolved here: CR LF is a
 * newline, a backspace moves left and the next character overwrites, a lone CR returns to the
 * line's start, "ESC [ K" erases to the end of the line. SGR colour sequences stay (pages render
 * them); other escape sequences (cursor moves, screen clears) and control characters are dropped.
 *
 * One pass, linear in the input: a line is kept as a string and only split into cells once
 * something moves the cursor back in it. Pushes may split sequences anywhere (an escape, CR LF,
 * a surrogate pair); the unfinished end is carried to the next push.
 */

interface Cell {
  /** SGR sequences that take effect before this character. */
  pre: string;
  ch: string;
}

/** Longest unfinished escape sequence carried to the next push; anything longer is dropped. */
const MAX_CARRY = 256;

const ESC = 0x1b;

/** Where the escape sequence at `i` ends (exclusive), or -1 when the text ends inside it. */
function escapeEnd(s: string, i: number): number {
  const kind = s.charCodeAt(i + 1);
  if (Number.isNaN(kind)) return -1;
  if (kind === 0x5b /* [ */) {
    for (let j = i + 2; j < s.length; j++) {
      const d = s.charCodeAt(j);
      if (d >= 0x40 && d <= 0x7e) return j + 1;
      if (d < 0x20 || d > 0x3f) return j; // malformed: end it before the odd byte
    }
    return -1;
  }
  if (kind === 0x5d /* ] */) {
    for (let j = i + 2; j < s.length; j++) {
      const d = s.charCodeAt(j);
      if (d === 0x07) return j + 1;
      if (d === ESC) return s.charCodeAt(j + 1) === 0x5c ? j + 2 : Number.isNaN(s.charCodeAt(j + 1)) ? -1 : j;
    }
    return -1;
  }
  return i + 2;
}

/** A control character the transcript drops (tab and the ones handled apart are kept). */
const special = (c: number) => c < 0x20 || c === 0x7f;

export class TranscriptCooker {
  /** Finished text not yet taken. */
  private done: string[] = [];
  /** The current line while the cursor has only moved forward (escapes inline). */
  private plain = "";
  /** The current line once the cursor moved back in it. */
  private cells: Cell[] | null = null;
  private col = 0;
  /** SGR sequences waiting for the next character (cells mode). */
  private pendingPre = "";
  private carry = "";

  /** Add terminal output. */
  push(text: string): void {
    let s = this.carry + text;
    this.carry = "";
    // Hold back what may continue in the next push: an escape sequence, a CR before its LF, half a surrogate pair.
    const lastEsc = s.lastIndexOf("\x1b");
    if (lastEsc >= 0 && s.length - lastEsc <= MAX_CARRY && escapeEnd(s, lastEsc) === -1) {
      this.carry = s.slice(lastEsc);
      s = s.slice(0, lastEsc);
    } else if (s.endsWith("\r") || /[\ud800-\udbff]$/.test(s)) {
      this.carry = s.slice(-1);
      s = s.slice(0, -1);
    }
    this.scan(s);
  }

  private scan(s: string): void {
    const n = s.length;
    let i = 0;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (!special(c)) {
        let j = i + 1;
        while (j < n && !special(s.charCodeAt(j))) j++;
        this.text(s, i, j);
        i = j;
        continue;
      }
      if (c === ESC) {
        const end = escapeEnd(s, i);
        const stop = end < 0 ? n : end;
        this.escape(s.slice(i, stop));
        i = stop;
        continue;
      }
      if (c === 0x0a) this.newline();
      else if (c === 0x0d) {
        if (s.charCodeAt(i + 1) !== 0x0a) {
          this.toCells();
          this.col = 0;
        }
      } else if (c === 0x08) {
        this.toCells();
        this.col = Math.max(0, this.col - 1);
      } else if (c === 0x09) this.text(s, i, i + 1);
      i++;
    }
  }

  /** The plain line as cells; its trailing escapes become pending (walked once per edited line). */
  private *plainChars(): Generator<Cell> {
    const s = this.plain;
    let pre = "";
    for (let i = 0; i < s.length; ) {
      if (s.charCodeAt(i) === ESC) {
        const end = escapeEnd(s, i);
        const stop = end < 0 ? s.length : end;
        pre += s.slice(i, stop);
        i = stop;
        continue;
      }
      const cp = s.codePointAt(i) ?? 0;
      const ch = String.fromCodePoint(cp);
      yield { pre, ch };
      pre = "";
      i += ch.length;
    }
    this.pendingPre = pre;
  }

  /** Switch the current line to cells (once; the cursor is then at its end). */
  private toCells(): Cell[] {
    if (!this.cells) {
      this.cells = Array.from(this.plainChars());
      this.plain = "";
      this.col = this.cells.length;
    }
    return this.cells;
  }

  private text(s: string, from: number, to: number): void {
    if (!this.cells) {
      this.plain += s.slice(from, to);
      return;
    }
    for (let i = from; i < to; ) {
      const cp = s.codePointAt(i) ?? 0;
      const ch = String.fromCodePoint(cp);
      const at = this.cells[this.col];
      if (at) this.cells[this.col] = { pre: at.pre + this.pendingPre, ch };
      else this.cells.push({ pre: this.pendingPre, ch });
      this.pendingPre = "";
      this.col++;
      i += ch.length;
    }
  }

  private escape(seq: string): void {
    const final = seq.charCodeAt(seq.length - 1);
    if (seq.charCodeAt(1) !== 0x5b) return; // OSC and two-byte escapes: nothing to show
    if (final === 0x6d /* m */) {
      if (this.cells) this.pendingPre += seq;
      else this.plain += seq;
      return;
    }
    // Erase to the end of the line ("ESC [ K" / "ESC [ 0 K"); removed cells keep their colour changes.
    if (final === 0x4b /* K */ && (seq === "\x1b[K" || seq === "\x1b[0K") && this.cells) {
      for (const cell of this.cells.splice(this.col)) this.pendingPre += cell.pre;
    }
  }

  private line(): string {
    if (!this.cells) return this.plain;
    let out = "";
    for (const c of this.cells) out += c.pre + c.ch;
    return out + this.pendingPre;
  }

  private newline(): void {
    this.done.push(`${this.line()}\n`);
    this.plain = "";
    this.cells = null;
    this.col = 0;
    this.pendingPre = "";
  }

  /** Finished text since the last take, and the unfinished current line as it looks now. */
  take(): { committed: string; tail: string } {
    const committed = this.done.length === 1 ? (this.done[0] as string) : this.done.join("");
    this.done = [];
    return { committed, tail: this.line() };
  }
}

/** A whole transcript, cooked. */
export function cookTranscript(raw: string): string {
  const c = new TranscriptCooker();
  c.push(raw);
  // A carried CR or escape at the very end shows nothing; a lone high surrogate is dropped.
  const { committed, tail } = c.take();
  return committed + tail;
}
