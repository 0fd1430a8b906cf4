/**
 * PHP 8.2 CLI logs errors to stderr, one per line, then a stack trace for uncaught throwables:
 *   PHP Warning:  Undefined variable $usr in /box/main.php on line 4
 *   PHP Fatal error:  Uncaught Error: Call to a member function name() on null in /box/main.php:4
 *   Stack trace:
 *   #0 /box/main.php(7): mean()
 *   #1 {main}
 *     thrown in /box/main.php on line 4
 * (With display_errors on, the same lines appear without "PHP " on stdout.)
 */

import { userFile } from "../paths";
import { toLines } from "../text";
import type { DebugCategory, DebugFrame, DebugLocation } from "../types";
import type { Finding, LanguageParser, ParseContext } from "./finding";

const LEVEL = /^(?:PHP )?(Fatal error|Parse error|Warning|Notice|Deprecated|Recoverable fatal error):\s+(.*)$/;

interface PhpError {
  level: string;
  text: string;
  location: DebugLocation | null;
  line: string;
}

/** Splits "… in /box/main.php on line 4" or "… in /box/main.php:4" off the end, by hand. */
function splitWhere(text: string, files: readonly string[]): { text: string; location: DebugLocation | null } {
  const at = text.lastIndexOf(" in ");
  if (at < 0) return { text, location: null };
  const where = text.slice(at + 4);
  let path: string;
  let line: number;
  const on = where.lastIndexOf(" on line ");
  if (on >= 0) {
    path = where.slice(0, on);
    line = Number(where.slice(on + 9));
  } else {
    const colon = where.lastIndexOf(":");
    path = where.slice(0, colon);
    line = Number(where.slice(colon + 1));
  }
  const file = Number.isInteger(line) ? userFile(path, files) : null;
  return { text: text.slice(0, at), location: file ? { file, line } : null };
}

function categoryOf(text: string): { category: DebugCategory; kind: string } {
  const rules: [RegExp, DebugCategory, string][] = [
    [/^syntax error|^Unclosed |^Unmatched /, "syntax", "syntax"],
    [/^Allowed memory size of \d+ bytes exhausted/, "memory", "memory_limit"],
    [/^Maximum execution time/, "timeout", "max_execution_time"],
    [/^Maximum function nesting level/, "recursion", "nesting"],
    [/Call to undefined (?:function|method)/, "undefined_function", "undefined_function"],
    [/on null$|on null\b/, "null_reference", "null"],
    [/DivisionByZeroError|^Division by zero|^Modulo by zero/, "zero_division", "division"],
    [/Failed opening required|Failed to open stream|^Class ".*" not found/, "import", "require"],
    [/^Uncaught (?:TypeError|ArgumentCountError)|Unsupported operand types/, "type", "type"],
    [/^Undefined variable/, "name", "undefined_variable"],
    [/^Undefined constant|^Uncaught Error: Undefined constant/, "name", "undefined_constant"],
    [/^Undefined (?:array key|offset)|^Uncaught ValueError: .*must be contained/, "index", "index"],
  ];
  for (const [re, category, kind] of rules) if (re.test(text)) return { category, kind };
  return { category: "exit_code", kind: "uncaught" };
}

function run(output: string, ctx: ParseContext): Finding | null {
  const lines = toLines(output);
  const errors: PhpError[] = [];
  const calls: { path: string; line: number; call: string }[] = [];
  const message: string[] = [];
  let fatalAt = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const m = LEVEL.exec(line);
    if (m) {
      const { text, location } = splitWhere(m[2] ?? "", ctx.files);
      errors.push({ level: m[1] ?? "", text, location, line });
      message.push(line);
      if (fatalAt < 0 && /error$/.test(m[1] ?? "")) fatalAt = errors.length - 1;
      continue;
    }
    // "#0 /box/main.php(7): mean()": the call to mean() made at line 7, innermost first.
    const frame = /^#\d+ (.+)\((\d+)\): ([^(]*)/.exec(line);
    if (frame && fatalAt >= 0) {
      calls.push({ path: frame[1] ?? "", line: Number(frame[2]), call: frame[3] ?? "" });
      message.push(line);
    } else if (line.startsWith("Stack trace:") || line.startsWith("  thrown in") || /^#\d+ \{main\}$/.test(line)) {
      message.push(line);
    }
  }
  const fatal = errors[fatalAt];
  if (!fatal && errors.length === 0) return null;
  // A fatal error names the crash; an earlier "Undefined variable" warning on its way there is
  // usually the real cause ($usr->name() on a misspelt variable ends as "… on null").
  const nullish = !fatal || fatal.text.includes("null");
  const cause =
    (nullish ? errors.find((e, i) => i < fatalAt && e.text.startsWith("Undefined variable")) : undefined) ??
    fatal ??
    errors[0];
  if (!cause) return null;
  const { category, kind } = categoryOf(cause.text);
  const title = `${cause.level}: ${cause.text.replace(/^Uncaught /, "Uncaught ")}`;
  const locations = cause.location ? [{ ...cause.location, message: cause.text }] : [];
  return { category, title, message, locations, frames: phpFrames(fatal?.location ?? null, calls, ctx.files), kind };
}

/**
 * PHP lists calls, not frames: "#k file(line): f()" is a line inside the function that entry k+1
 * called ({main} for the last). The throw site is inside the function entry #0 called, unless
 * that call is the throw site itself (an internal function such as intdiv() threw).
 */
function phpFrames(
  thrownAt: DebugLocation | null,
  calls: { path: string; line: number; call: string }[],
  files: readonly string[],
): DebugFrame[] {
  const frames: DebugFrame[] = [];
  const first = calls[0];
  const sameAsFirst =
    first && thrownAt && userFile(first.path, files) === thrownAt.file && first.line === thrownAt.line;
  if (thrownAt && !sameAsFirst)
    frames.push({ file: thrownAt.file, line: thrownAt.line, function: first?.call ?? "{main}" });
  calls.forEach((c, k) => {
    const file = userFile(c.path, files);
    if (file) frames.push({ file, line: c.line, function: calls[k + 1]?.call ?? "{main}" });
  });
  return frames.reverse();
}

export const phpParser: LanguageParser = { run, errorsOnStdout: true };
