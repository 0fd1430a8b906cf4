/**
 * javac 17: "Main.java:4: error: cannot find symbol", the code line, a caret, and for symbols
 * "  symbol:   variable totl" / "  location: class Main"; it ends with "1 error".
 * The JVM: 'Exception in thread "main" java.lang.ArithmeticException: / by zero' then
 * "\tat Main.mean(Main.java:5)" frames, innermost first, and "Caused by: …" for wrapped causes.
 */

import { userFile } from "../paths";
import { toLines } from "../text";
import type { DebugCategory, DebugFrame, DebugLocation } from "../types";
import { type Finding, frameLocation, type LanguageParser, type ParseContext, recursionFrame } from "./finding";
import { jvmFrame } from "./stack";

const COMPILE_RULES: [RegExp, DebugCategory][] = [
  [/^package .* does not exist|^cannot access /, "import"],
  [
    /^incompatible types|^bad operand type|cannot be applied to|^no suitable (?:method|constructor)|^possible lossy conversion|cannot be dereferenced|^unexpected type/,
    "type",
  ],
  [
    /expected$|^illegal start of|^reached end of file while parsing|^unclosed (?:string|character|comment)|^not a statement|^'else' without 'if'|^illegal character|^orphaned /,
    "syntax",
  ],
];

interface JavacError {
  location: DebugLocation;
  text: string;
  symbol?: string;
  lines: string[];
}

function compile(output: string, ctx: ParseContext): Finding | null {
  const errors: JavacError[] = [];
  for (const line of toLines(output)) {
    const at = line.indexOf(": error: ");
    if (at > 0) {
      const head = line.slice(0, at);
      const colon = head.lastIndexOf(":");
      const file = colon > 0 ? userFile(head.slice(0, colon), ctx.files) : null;
      const lineNo = Number(head.slice(colon + 1));
      if (file && Number.isInteger(lineNo)) {
        const text = line.slice(at + 9);
        errors.push({ location: { file, line: lineNo, message: text }, text, lines: [line] });
        continue;
      }
    }
    const last = errors.at(-1);
    if (!last || /^\d+ errors?$/.test(line) || /^Note: |^\d+ warnings?$/.test(line)) continue;
    last.lines.push(line);
    const symbol = /^\s+symbol:\s+(.*)$/.exec(line)?.[1];
    if (symbol) {
      last.symbol = symbol;
      last.location.message = `${last.text} (${symbol.replace(/\s+/g, " ")})`;
    }
  }
  const first = errors[0];
  if (!first) return null;
  let category: DebugCategory = COMPILE_RULES.find(([re]) => re.test(first.text))?.[1] ?? "compile";
  let kind: string | undefined;
  if (first.text.startsWith("cannot find symbol")) {
    category = first.symbol?.startsWith("method") ? "undefined_function" : "name";
    if (first.symbol?.startsWith("class")) kind = "class_symbol";
  }
  return {
    category,
    title: first.location.message ?? first.text,
    message: errors.flatMap((e) => e.lines),
    locations: errors.map((e) => e.location),
    frames: [],
    kind,
  };
}

function exceptionCategory(cls: string, message: string): DebugCategory {
  const short = cls.slice(cls.lastIndexOf(".") + 1);
  switch (short) {
    case "NullPointerException":
      return "null_reference";
    case "ArrayIndexOutOfBoundsException":
    case "StringIndexOutOfBoundsException":
    case "IndexOutOfBoundsException":
    case "NegativeArraySizeException":
      return "index";
    case "ArithmeticException":
      return message.includes("by zero") ? "zero_division" : "type";
    case "StackOverflowError":
      return "recursion";
    case "OutOfMemoryError":
      return message.includes("native thread") ? "process_limit" : "memory";
    case "AssertionError":
      return "assertion";
    case "ClassCastException":
      return "type";
    case "ClassNotFoundException":
    case "NoClassDefFoundError":
      return "import";
    default:
      return "exit_code";
  }
}

/** "Exception in thread "main" java.lang.X: msg" or "Caused by: java.lang.X: msg". */
const EXCEPTION_HEAD = /^(?:Exception in thread "[^"]*" |Caused by: )([\w$.]+)(?::\s?(.*))?$/;

interface Thrown {
  cls: string;
  text: string;
  frames: DebugFrame[];
}

function run(output: string, ctx: ParseContext): Finding | null {
  const lines = toLines(output);
  let best: Thrown | null = null;
  let first: Thrown | null = null;
  const message: string[] = [];
  for (const line of lines) {
    const m = EXCEPTION_HEAD.exec(line);
    if (m?.[1]) {
      best = { cls: m[1], text: m[2] ?? "", frames: [] };
      first ??= best;
      message.push(line);
      continue;
    }
    if (!best) {
      if (line.startsWith("Error: Could not find or load main class")) {
        return { category: "compile", title: line, message: [line], locations: [], frames: [], kind: "main_class" };
      }
      continue;
    }
    const f = jvmFrame(line, ctx.files);
    if (f) {
      best.frames.push(f);
      message.push(line);
    }
  }
  if (!best || !first) return null;
  // The last "Caused by" is where it really went wrong; its frames may be elided ("... 3 more").
  const root = best.frames.length > 0 ? best : first;
  const frames = [...root.frames].reverse();
  const category = exceptionCategory(best.cls, best.text);
  const title = best.text ? `${best.cls}: ${best.text}` : best.cls;
  const at = category === "recursion" ? recursionFrame(frames) : frames.at(-1);
  return {
    category,
    title,
    message,
    locations: frameLocation(at, title),
    frames,
    kind: best.cls.slice(best.cls.lastIndexOf(".") + 1),
  };
}

export const javaParser: LanguageParser = { compile, run };
