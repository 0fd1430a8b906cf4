/**
 * Jobe joins compileargs, linkargs, interpreterargs and runargs with spaces into one `sh -c`
 * command line, so one element may hold several words and quotes: "-x c", `-c "print(\"hi\")"`,
 * `quizname='Week 1'`. Runbox never uses a shell: this splits such a string into the words sh
 * would make of it, honouring quotes and backslashes only. What would make sh do more than
 * split (expansions, globs, redirections, command separators) is refused rather than passed on
 * with a meaning it would not have here.
 */

export type ShellWords = { ok: true; words: string[] } | { ok: false; error: string };

/** Unquoted, these make sh expand, glob, redirect or run other commands. */
const SPECIAL = new Set(["$", "`", ";", "&", "|", "<", ">", "(", ")", "*", "?", "["]);
const BLANK = new Set([" ", "\t", "\n"]);
/** Inside double quotes a backslash escapes only these (POSIX sh). */
const DQUOTE_ESCAPABLE = new Set(["$", "`", '"', "\\", "\n"]);

const refuse = (what: string, text: string): ShellWords => ({
  ok: false,
  error: `"${text}" contains ${what}, which a shell would treat specially; Runbox passes arguments without a shell, so quote it ('…') to mean it literally.`,
});

/** sh's word splitting of `text`, without any expansion. Linear in the length of `text`. */
export function shellWords(text: string): ShellWords {
  const words: string[] = [];
  let word = "";
  let inWord = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (BLANK.has(c)) {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
      i++;
    } else if (c === "\\") {
      const next = text[i + 1];
      if (next === undefined) return { ok: false, error: `"${text}" ends with a lone backslash.` };
      // Backslash-newline is a line continuation: it disappears.
      if (next !== "\n") {
        word += next;
        inWord = true;
      }
      i += 2;
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return { ok: false, error: `"${text}" has a ' that is never closed.` };
      word += text.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      i++;
      for (;;) {
        const d = text[i];
        if (d === undefined) return { ok: false, error: `"${text}" has a " that is never closed.` };
        if (d === '"') break;
        if (d === "$" || d === "`") return refuse(`'${d}' inside double quotes`, text);
        if (d === "\\" && DQUOTE_ESCAPABLE.has(text[i + 1] ?? "")) {
          if (text[i + 1] !== "\n") word += text[i + 1];
          i += 2;
        } else {
          word += d;
          i++;
        }
      }
      inWord = true;
      i++;
    } else {
      if (SPECIAL.has(c)) return refuse(`'${c}'`, text);
      // Only at the start of a word: '#' starts a comment, '~' a home directory.
      if (!inWord && (c === "#" || c === "~")) return refuse(`'${c}' at the start of a word`, text);
      word += c;
      inWord = true;
      i++;
    }
  }
  if (inWord) words.push(word);
  return { ok: true, words };
}

/** Every element of a Jobe argument list split into words, in order; the first refusal otherwise. */
export function splitArgs(list: string[]): ShellWords {
  const words: string[] = [];
  for (const item of list) {
    const split = shellWords(item);
    if (!split.ok) return split;
    words.push(...split.words);
  }
  return { ok: true, words };
}
