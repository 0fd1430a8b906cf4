/**
 * tsc diagnostics (printed without colour, one per line, continuation lines indented):
 *   main.ts(2,13): error TS2552: Cannot find name 'totl'. Did you mean 'total'?
 *   main.ts(2,1): error TS2349: This expression is not callable.
 *     Type 'String' has no call signatures.
 * The run stage is Node with source maps: see node.ts.
 */

import { userFile } from "../paths";
import { toLines } from "../text";
import type { DebugCategory, DebugLocation } from "../types";
import type { Finding, LanguageParser, ParseContext } from "./finding";
import { nodeParser } from "./node";

const NAME = new Set([2304, 2552, 2582, 2583, 2584, 2339, 2551, 2448, 2454, 2503, 2724, 2694]);
const TYPE = new Set([
  2322, 2345, 2353, 2355, 2362, 2363, 2365, 2367, 2416, 2420, 2554, 2555, 2556, 2559, 2739, 2740, 2741, 2769, 2352,
  7006, 7053, 2488, 2461, 2571,
]);
const NULLISH = new Set([2531, 2532, 2533, 2722, 2721, 18047, 18048, 18049]);
const IMPORT = new Set([2307, 2305, 2306, 2792, 2614, 2613, 1192]);
const NOT_CALLABLE = new Set([2349, 2348, 2350, 2351]);

/** TypeScript's error numbers group by kind: 1xxx are the parser's, 2xxx the checker's. */
export function tsCategory(code: number): DebugCategory {
  if (IMPORT.has(code)) return "import";
  if (NAME.has(code)) return "name";
  if (TYPE.has(code)) return "type";
  if (NULLISH.has(code)) return "null_reference";
  if (NOT_CALLABLE.has(code)) return "undefined_function";
  if (code >= 1000 && code < 2000) return "syntax";
  return "compile";
}

interface Diagnostic {
  location: DebugLocation | null;
  code: number;
  text: string;
  lines: string[];
}

const DIGITS = /^\d+$/;

/** "main.ts(3,7): " → { path, line, column }: split at the last "(", so nothing backtracks. */
function readPosition(head: string): { path: string; line: number; column: number } | null {
  if (!head.endsWith("): ")) return null;
  const open = head.lastIndexOf("(");
  if (open < 0) return null;
  const [line, column, extra] = head.slice(open + 1, -3).split(",");
  if (extra !== undefined || !line || !column || !DIGITS.test(line) || !DIGITS.test(column)) return null;
  return { path: head.slice(0, open), line: Number(line), column: Number(column) };
}

/** "main.ts(3,7): error TS2322: …" or "error TS5023: …", read from the right of "(". */
function readDiagnostic(line: string, files: readonly string[]): Diagnostic | null {
  const at = line.indexOf("error TS");
  if (at < 0) return null;
  const codeEnd = line.indexOf(": ", at);
  const code = Number(line.slice(at + 8, codeEnd < 0 ? undefined : codeEnd));
  if (!Number.isInteger(code)) return null;
  const text = codeEnd < 0 ? "" : line.slice(codeEnd + 2);
  let location: DebugLocation | null = null;
  const head = line.slice(0, at);
  const pos = readPosition(head);
  if (pos) {
    const file = userFile(pos.path, files);
    if (file) location = { file, line: pos.line, column: pos.column, message: `TS${code}: ${text}` };
  } else if (head !== "") {
    return null;
  }
  return { location, code, text, lines: [line] };
}

function compile(output: string, ctx: ParseContext): Finding | null {
  const diagnostics: Diagnostic[] = [];
  for (const line of toLines(output)) {
    const d = readDiagnostic(line, ctx.files);
    if (d) diagnostics.push(d);
    else if (line.startsWith(" ") && diagnostics.length > 0) diagnostics.at(-1)?.lines.push(line);
  }
  const first = diagnostics[0];
  if (!first) return null;
  return {
    category: tsCategory(first.code),
    title: `TS${first.code}: ${first.text}`,
    message: diagnostics.flatMap((d) => d.lines),
    locations: diagnostics.flatMap((d) => (d.location ? [d.location] : [])),
    frames: [],
    kind: `TS${first.code}`,
  };
}

export const typescriptParser: LanguageParser = { compile, run: nodeParser.run };
