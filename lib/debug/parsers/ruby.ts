/**
 * Ruby 3.1: the first line holds where, what and the class; "from" lines are the callers.
 *   main.rb:2:in `/': divided by 0 (ZeroDivisionError)
 *   	from main.rb:2:in `mean'
 *   	from main.rb:5:in `<main>'
 * Syntax errors have no method part: "main.rb:4: syntax error, unexpected end-of-input".
 */

import { userFile } from "../paths";
import { splitPosition, toLines } from "../text";
import type { DebugCategory, DebugFrame } from "../types";
import { type Finding, frameLocation, type LanguageParser, type ParseContext, recursionFrame } from "./finding";

function categoryOf(cls: string, message: string): DebugCategory {
  switch (cls) {
    case "NameError":
      return "name";
    case "NoMethodError":
      return /for nil(?::NilClass)?\b/.test(message) ? "null_reference" : "undefined_function";
    case "TypeError":
      return /\bnil\b/.test(message) ? "null_reference" : "type";
    case "ArgumentError":
      return message.startsWith("wrong number of arguments") ? "type" : "exit_code";
    case "ZeroDivisionError":
      return "zero_division";
    case "SyntaxError":
      return "syntax";
    case "LoadError":
      return "import";
    case "SystemStackError":
      return "recursion";
    case "IndexError":
    case "KeyError":
    case "StopIteration":
      return "index";
    case "NoMemoryError":
      return "memory";
    default:
      return "exit_code";
  }
}

/** "path:line:in `method'" → a frame (user files only). */
function readFrame(where: string, files: readonly string[]): DebugFrame | null {
  const inAt = where.indexOf(":in ");
  const pos = splitPosition(inAt >= 0 ? where.slice(0, inAt) : where);
  if (!pos) return null;
  const file = userFile(pos.path, files);
  if (!file) return null;
  const frame: DebugFrame = { file, line: pos.line };
  if (inAt >= 0) frame.function = where.slice(inAt + 4).replace(/^[`']|'$/g, "");
  return frame;
}

function run(output: string, ctx: ParseContext): Finding | null {
  const lines = toLines(output);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.startsWith("\t") || line.startsWith(" ")) continue;

    const syntaxAt = line.indexOf(": syntax error");
    if (syntaxAt > 0) {
      const frame = readFrame(line.slice(0, syntaxAt), ctx.files);
      if (!frame) continue;
      const text = line.slice(syntaxAt + 2);
      // Ruby lists every syntax error it found, each "file:N: …", with a code excerpt between.
      const locations = [{ file: frame.file, line: frame.line, message: text }];
      for (const more of lines.slice(i + 1)) {
        const at = more.indexOf(": syntax error");
        const f = at > 0 ? readFrame(more.slice(0, at), ctx.files) : null;
        if (f) locations.push({ file: f.file, line: f.line, message: more.slice(at + 2) });
      }
      return { category: "syntax", title: text, message: lines.slice(i), locations, frames: [], kind: "SyntaxError" };
    }

    // "where: message (Class)": the class is the last parenthesised word of the line.
    const close = line.endsWith(")") ? line.lastIndexOf(" (") : -1;
    const sep = line.indexOf(": ");
    if (close < 0 || sep < 0 || sep > close) continue;
    const cls = line.slice(close + 2, -1);
    if (!/^[A-Z][\w:]*$/.test(cls)) continue;
    const first = readFrame(line.slice(0, sep), ctx.files);
    const where = line.slice(0, sep);
    if (!first && !where.includes(":in ")) continue;
    const text = line.slice(sep + 2, close);

    const frames: DebugFrame[] = first ? [first] : [];
    const message = [line];
    for (const more of lines.slice(i + 1)) {
      const t = more.trim();
      if (t.startsWith("from ")) {
        const f = readFrame(t.slice(5), ctx.files);
        if (f) {
          frames.push(f);
          message.push(more);
        }
      } else if (!more.startsWith("\t")) {
        // error_highlight's excerpt and "Did you mean?" lines.
        message.push(more);
      }
    }
    // A core method that raised ("in `fetch'") sits on the caller's line: the caller's frame says it all.
    const caller = frames[1];
    if (first && caller && caller.file === first.file && caller.line === first.line) frames.shift();
    frames.reverse();
    const category = categoryOf(cls.slice(cls.lastIndexOf(":") + 1), text);
    const title = `${cls}: ${text}`;
    const at = category === "recursion" ? recursionFrame(frames) : frames.at(-1);
    return { category, title, message, locations: frameLocation(at, title), frames, kind: cls };
  }
  return null;
}

export const rubyParser: LanguageParser = { run };
