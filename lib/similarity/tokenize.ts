/**
 * A rough tokenizer for every Runbox language, for plagiarism fingerprints: comments and
 * whitespace are dropped, identifiers become one class ("I": renaming a variable changes
 * nothing), numbers "N" and strings "S", keywords and punctuation stay as they are. Each token
 * keeps where it came from, so matches can be highlighted in the original code. Linear in the
 * input: one pass, no backtracking regular expressions.
 */
export interface Token {
  kind: string;
  start: number;
  end: number;
}

const HASH_COMMENTS = new Set(["python", "ruby", "bash", "php"]);
const SLASH_COMMENTS = new Set(["c", "c++", "java", "javascript", "typescript", "go", "rust", "php"]);

const KEYWORDS = new Set(
  (
    "if else elif for while do return break continue def class function fn let const var int long float double " +
    "char bool boolean void string str new delete try catch except finally raise throw import from include using " +
    "package public private static struct impl match switch case default in not and or is true false null nil none " +
    "self this end then fi done begin elsif unless until loop mut pub func go defer range map vec print println printf " +
    "input len echo read"
  ).split(" "),
);

const isIdentStart = (c: string) => /[A-Za-z_$\u00c0-\uffff]/.test(c);
const isIdent = (c: string) => /[\w$\u00c0-\uffff]/.test(c);
const isDigit = (c: string) => c >= "0" && c <= "9";

/** At most this much of a file is fingerprinted (a report stays cheap whatever was submitted). */
export const MAX_CODE_CHARS = 64 * 1024;

export function tokenize(code: string, language: string): Token[] {
  const src = code.slice(0, MAX_CODE_CHARS);
  const hash = HASH_COMMENTS.has(language);
  const slash = SLASH_COMMENTS.has(language);
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    const next = src[i + 1];
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i++;
    } else if ((hash && c === "#") || (slash && c === "/" && next === "/")) {
      while (i < src.length && src[i] !== "\n") i++;
    } else if (slash && c === "/" && next === "*") {
      const close = src.indexOf("*/", i + 2);
      i = close < 0 ? src.length : close + 2;
    } else if (c === '"' || c === "'" || c === "`") {
      const start = i++;
      while (i < src.length && src[i] !== c && src[i] !== "\n") i += src[i] === "\\" ? 2 : 1;
      i = Math.min(src.length, i + 1);
      out.push({ kind: "S", start, end: i });
    } else if (isDigit(c)) {
      const start = i;
      while (i < src.length && /[\w.]/.test(src[i] as string)) i++;
      out.push({ kind: "N", start, end: i });
    } else if (isIdentStart(c)) {
      const start = i;
      while (i < src.length && isIdent(src[i] as string)) i++;
      const word = src.slice(start, i);
      out.push({ kind: KEYWORDS.has(word.toLowerCase()) ? word.toLowerCase() : "I", start, end: i });
    } else {
      out.push({ kind: c, start: i, end: i + 1 });
      i++;
    }
  }
  return out;
}
