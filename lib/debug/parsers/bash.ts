/**
 * Bash reports each error as "script: line N: text" and carries on with the next command, so
 * the first recognised error is usually the cause and the later ones its consequences:
 *   main.sh: line 1: ./lib.sh: No such file or directory
 *   main.sh: line 2: greet: command not found
 */

import { userFile } from "../paths";
import { toLines } from "../text";
import type { DebugCategory, DebugLocation } from "../types";
import type { Finding, LanguageParser, ParseContext } from "./finding";

/** Checked in order; the first that matches decides. */
const RULES: [RegExp, DebugCategory, string][] = [
  [/: command not found$/, "command_not_found", "command_not_found"],
  [/syntax error|unexpected EOF while looking for matching|unexpected end of file/, "syntax", "syntax"],
  [/: bad substitution$/, "syntax", "bad_substitution"],
  [/: unbound variable$/, "name", "unbound"],
  [/division by 0/, "zero_division", "division"],
  [/maximum function nesting level exceeded/, "recursion", "funcnest"],
  [/bad array subscript/, "index", "subscript"],
  [
    /: (?:integer expression expected|unary operator expected|binary operator expected|too many arguments)$/,
    "type",
    "test",
  ],
  [/\.(?:sh|bash): No such file or directory$/, "import", "source"],
  [/: No such file or directory$/, "command_not_found", "missing_file"],
  [/: Permission denied$/, "command_not_found", "permission"],
];

interface BashError {
  location: DebugLocation;
  category: DebugCategory;
  kind: string;
  text: string;
  raw: string;
}

/** "main.sh: line 3: text" (or "./lib/util.sh: line 2: text"), split by hand. */
function readError(line: string, files: readonly string[]): BashError | null {
  const at = line.indexOf(": line ");
  if (at <= 0) return null;
  const numEnd = line.indexOf(": ", at + 7);
  if (numEnd < 0) return null;
  const lineNo = Number(line.slice(at + 7, numEnd));
  if (!Number.isInteger(lineNo)) return null;
  const file = userFile(line.slice(0, at), files);
  if (!file) return null;
  const text = line.slice(numEnd + 2);
  for (const [re, category, kind] of RULES) {
    if (re.test(text)) return { location: { file, line: lineNo, message: text }, category, kind, text, raw: line };
  }
  return null;
}

function run(output: string, ctx: ParseContext): Finding | null {
  const errors: BashError[] = [];
  const message: string[] = [];
  for (const line of toLines(output)) {
    const e = readError(line, ctx.files);
    if (e) {
      errors.push(e);
      message.push(line);
    } else if (line.includes(": line ") && errors.length > 0 && errors.length < 50) {
      // Such as the code Bash echoes after a syntax error ("main.sh: line 3: `fi'"): context, not an error.
      message.push(line);
    }
  }
  const first = errors[0];
  if (!first) return null;
  return {
    category: first.category,
    title: first.text,
    message,
    locations: errors.slice(0, 20).map((e) => e.location),
    frames: [],
    kind: first.kind,
  };
}

export const bashParser: LanguageParser = { run };
