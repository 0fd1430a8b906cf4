/**
 * Node 18 uncaught errors (JavaScript, and TypeScript run with source maps):
 *   /box/main.js:2            ← where it was thrown (absent for errors thrown inside Node)
 *   console.log(totl);
 *               ^
 *
 *   ReferenceError: totl is not defined
 *       at Object.<anonymous> (/box/main.js:2:13)
 *       at Module._compile (node:internal/modules/cjs/loader:1364:14)
 *   Node.js v18.20.4
 */

import { userFile } from "../paths";
import { splitPosition, toLines } from "../text";
import type { DebugCategory, DebugFrame, DebugLocation } from "../types";
import { type Finding, frameLocation, type LanguageParser, type ParseContext, recursionFrame } from "./finding";
import { v8Frame } from "./stack";

/** "TypeError: …", "AssertionError [ERR_ASSERTION]: …", "Error: Cannot find module 'x'". */
const ERROR_LINE = /^(?:Uncaught )?([A-Z][\w$]*)(?: \[([A-Z0-9_]+)\])?(?::\s?(.*))?$/;

/**
 * "Cannot destructure property 'a' of 'b' as it is undefined.", by hand: two `.*` in a row
 * would try every " of " against the rest of the line.
 */
function destructuresNothing(message: string): boolean {
  const lead = "Cannot destructure property ";
  if (!message.startsWith(lead)) return false;
  const of = message.indexOf(" of ", lead.length);
  if (of < 0) return false;
  const rest = message.slice(of + 4);
  return rest.includes("undefined") || rest.includes("null");
}

function categoryOf(name: string, code: string | undefined, message: string): DebugCategory {
  if (code === "MODULE_NOT_FOUND" || code === "ERR_MODULE_NOT_FOUND" || message.startsWith("Cannot find module")) {
    return "import";
  }
  if (message.includes("JavaScript heap out of memory")) return "memory";
  switch (name) {
    case "ReferenceError":
      return "name";
    case "SyntaxError":
      return "syntax";
    case "AssertionError":
      return "assertion";
    case "RangeError":
      return message.startsWith("Maximum call stack size exceeded") ? "recursion" : "exit_code";
    case "TypeError":
      if (/^Cannot (?:read|set) propert(?:y|ies) of (?:undefined|null)/.test(message)) return "null_reference";
      if (destructuresNothing(message)) return "null_reference";
      if (/ is not a (?:function|constructor)$/.test(message) || / is not a function or its return value/.test(message))
        return "undefined_function";
      return "type";
    default:
      return "exit_code";
  }
}

function run(output: string, ctx: ParseContext): Finding | null {
  const lines = toLines(output);
  if (lines.some((l) => l.includes("JavaScript heap out of memory"))) {
    return {
      category: "memory",
      title: "JavaScript heap out of memory",
      message: lines.filter((l) => l.includes("FATAL ERROR") || l.includes("heap")).slice(0, 5),
      locations: [],
      frames: [],
      kind: "heap",
    };
  }
  const errAt = lines.findIndex((l) => {
    const name = ERROR_LINE.exec(l)?.[1];
    return name !== undefined && /(?:Error|Exception)$/.test(name);
  });
  if (errAt < 0) return null;
  const m = ERROR_LINE.exec(lines[errAt] ?? "");
  const name = m?.[1] ?? "Error";
  const code = m?.[2];
  const text = m?.[3] ?? "";

  // Above the error line: "path:line", the code line and a caret, then blank lines. Node prints
  // its own path ("node:internal/…") when it threw on the user's behalf; that one is not kept.
  let header: DebugLocation | null = null;
  let headerAt = errAt;
  for (let i = errAt - 1; i >= 0 && i >= errAt - 6; i--) {
    const pos = splitPosition(lines[i] ?? "");
    const file = pos ? userFile(pos.path, ctx.files) : null;
    if (pos && file) {
      header = { file, line: pos.line };
      headerAt = i;
      break;
    }
  }

  const frames: DebugFrame[] = [];
  const message: string[] = header ? lines.slice(headerAt, errAt) : [];
  let sawFrame = false;
  for (let i = errAt; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.startsWith("Node.js v")) break;
    if (line.trimStart().startsWith("at ")) {
      sawFrame = true;
      const f = v8Frame(line, ctx.files);
      if (f) {
        frames.push(f);
        message.push(line);
      }
      continue;
    }
    // After the frames Node prints the error's own properties ({ code: …, requireStack: … }): noise.
    if (sawFrame) break;
    message.push(line);
  }
  frames.reverse();

  const category = categoryOf(name, code, text);
  // "Expected values to be strictly equal:" continues with the values a few lines down.
  let title = lines[errAt]?.trim() ?? name;
  if (title.endsWith(":")) {
    const more = lines.slice(errAt + 1, errAt + 6).find((l) => l.trim() !== "" && !l.trimStart().startsWith("at "));
    if (more) title = `${title} ${more.trim()}`;
  }
  let locations = frameLocation(category === "recursion" ? recursionFrame(frames) : frames.at(-1), title);
  // Syntax errors and errors thrown by Node on the user's behalf: the header knows the line.
  if (header && (locations.length === 0 || category === "syntax")) locations = [{ ...header, message: title }];
  return { category, title, message, locations, frames, kind: code ?? name };
}

export const nodeParser: LanguageParser = { run };
