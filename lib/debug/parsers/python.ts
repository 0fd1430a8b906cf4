/**
 * CPython 3.11 tracebacks:
 *   Traceback (most recent call last):
 *     File "/box/main.py", line 4, in greet
 *       print(mesage)
 *             ^^^^^^
 *   NameError: name 'mesage' is not defined. Did you mean: 'message'?
 * A SyntaxError has no "Traceback" header for the entry file, only the File line.
 */

import { userFile } from "../paths";
import { toLines } from "../text";
import type { DebugCategory, DebugFrame } from "../types";
import { type Finding, frameLocation, type LanguageParser, type ParseContext, recursionFrame } from "./finding";

const FILE_LINE = /^ {2}File "([^"]+)", line (\d+)(?:, in (.+))?$/;
/** "NameError: …", "MemoryError", "json.decoder.JSONDecodeError: …" at column 0. */
const EXCEPTION_LINE = /^([A-Za-z_][\w.]*)(?::\s?(.*))?$/;

function categoryOf(name: string, message: string, sourceLine: string): DebugCategory {
  const short = name.slice(name.lastIndexOf(".") + 1);
  switch (short) {
    case "NameError":
    case "UnboundLocalError":
      return "name";
    case "AttributeError": {
      if (message.includes("'NoneType'")) return "null_reference";
      if (message.includes("partially initialized module")) return "import";
      // 'str' object has no attribute 'uppercase': a method when the source line calls it.
      const attr = /attribute '([\w]+)'/.exec(message)?.[1];
      return attr && sourceLine.includes(`.${attr}(`) ? "undefined_function" : "name";
    }
    case "TypeError":
      // A None that slipped in is the usual story behind "'NoneType' object is not subscriptable".
      return message.includes("'NoneType'") || message.includes("NoneType") ? "null_reference" : "type";
    case "IndexError":
    case "KeyError":
      return "index";
    case "ZeroDivisionError":
      return "zero_division";
    case "ModuleNotFoundError":
    case "ImportError":
      return "import";
    case "RecursionError":
      return "recursion";
    case "AssertionError":
      return "assertion";
    case "SyntaxError":
    case "IndentationError":
    case "TabError":
      return "syntax";
    case "MemoryError":
      return "memory";
    default:
      return "exit_code";
  }
}

const looksLikeException = (name: string) => /(?:Error|Exception|Exit|Interrupt|StopIteration)$/.test(name);

function run(output: string, ctx: ParseContext): Finding | null {
  const lines = toLines(output);
  // The last exception line at column 0 ends the (last) traceback.
  let exAt = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = EXCEPTION_LINE.exec(lines[i] ?? "");
    if (m?.[1] && looksLikeException(m[1])) {
      exAt = i;
      break;
    }
  }
  if (exAt < 0) return null;
  const exLine = lines[exAt] ?? "";
  const m = EXCEPTION_LINE.exec(exLine);
  const name = m?.[1] ?? "Exception";
  const text = m?.[2] ?? "";

  // Its traceback is the indented block just above it, headed by "Traceback …" (a SyntaxError in
  // the entry file has no header). In a chained traceback this is the last one: the error raised last.
  let start = exAt;
  while (start > 0) {
    const prev = lines[start - 1] ?? "";
    if (prev.startsWith("  ")) start--;
    else {
      if (prev.startsWith("Traceback (most recent call last)")) start--;
      break;
    }
  }

  const frames: DebugFrame[] = [];
  const message: string[] = [];
  let sourceLine = "";
  let skipping = false;
  for (let i = start; i < exAt; i++) {
    const line = lines[i] ?? "";
    const f = FILE_LINE.exec(line);
    if (f) {
      const file = userFile(f[1] ?? "", ctx.files);
      skipping = file === null;
      if (file) {
        const frame: DebugFrame = { file, line: Number(f[2]) };
        if (f[3]) frame.function = f[3];
        frames.push(frame);
        sourceLine = (lines[i + 1] ?? "").trim();
      }
    } else if (!line.startsWith("    ")) {
      skipping = false;
    }
    // Frames in the standard library are noise to a learner: drop them with their source lines.
    if (!skipping) message.push(line);
  }
  // The exception line, and notes Python indents under it.
  message.push(...lines.slice(exAt, exAt + 3).filter((l, k) => k === 0 || l.startsWith(" ")));

  const category = categoryOf(name, text, sourceLine);
  const where = category === "recursion" ? recursionFrame(frames) : frames.at(-1);
  return {
    category,
    title: exLine.trim(),
    message,
    locations: frameLocation(where, exLine.trim()),
    frames,
    kind: name.slice(name.lastIndexOf(".") + 1),
  };
}

export const pythonParser: LanguageParser = { run };
