/**
 * Go 1.19. `go build` prints "./main.go:7:14: undefined: totl" under a "# package" line (files
 * it could not even load print "main.go:3:8: …"). A panic prints the reason, then each
 * goroutine's stack as pairs of lines: "main.mean(...)" and "\t/box/main.go:10 +0x1d".
 */

import { userFile } from "../paths";
import { splitPosition, toLines } from "../text";
import type { DebugCategory, DebugFrame, DebugLocation } from "../types";
import { type Finding, frameLocation, type LanguageParser, type ParseContext, recursionFrame } from "./finding";

/** Checked in order against a compiler message. */
const COMPILE_RULES: [RegExp, DebugCategory][] = [
  [/^syntax error|^invalid character|^newline in string|^string literal not terminated|^non-declaration/, "syntax"],
  [/cannot find package|is not in GOROOT|could not import|no required module|package .* is not in std/, "import"],
  [/^undefined: /, "name"],
  [/ undefined \(type .* has no (?:field or )?method /, "undefined_function"],
  [/division by zero/, "zero_division"],
  [
    /^cannot use |^invalid operation|^cannot convert|mismatched types|^not enough arguments|^too many arguments|^cannot assign|^non-boolean|^assignment mismatch|^missing return/,
    "type",
  ],
];

/** Errors Go reports as side effects of a typo ("x declared but not used" next to "undefined: totl"). */
const SECONDARY = /declared (?:but|and) not used|imported and not used/;

function compileCategory(text: string): DebugCategory {
  for (const [re, category] of COMPILE_RULES) if (re.test(text)) return category;
  return "compile";
}

interface GoError {
  location: DebugLocation;
  text: string;
  lines: string[];
}

function compile(output: string, ctx: ParseContext): Finding | null {
  const errors: GoError[] = [];
  for (const line of toLines(output)) {
    if (line.startsWith("#")) continue;
    if (line.startsWith("\t") && errors.length > 0) {
      // Details such as "have (int) want (string)"; GOROOT/GOPATH search lists are not the user's concern.
      if (!line.includes("(from $GO")) errors.at(-1)?.lines.push(line);
      continue;
    }
    const sep = line.indexOf(": ");
    const pos = sep > 0 ? splitPosition(line.slice(0, sep)) : null;
    const file = pos ? userFile(pos.path, ctx.files) : null;
    if (!pos || !file) continue;
    const text = line.slice(sep + 2);
    // Go stops after ten errors and says so at a position of its own: not an error to fix.
    if (text === "too many errors") continue;
    const location: DebugLocation = { file, line: pos.line, message: text };
    if (pos.column !== undefined) location.column = pos.column;
    errors.push({ location, text, lines: [line] });
  }
  if (errors.length === 0) return null;
  // Put the cause first: an unused variable is often the other half of a misspelt name.
  const primary = errors.filter((e) => !SECONDARY.test(e.text));
  const ordered = [...primary, ...errors.filter((e) => SECONDARY.test(e.text))];
  const first = ordered[0] as GoError;
  return {
    category: compileCategory(first.text),
    title: first.text.replace(/ in any of:$/, ""),
    message: errors.flatMap((e) => e.lines),
    locations: ordered.map((e) => e.location),
    frames: [],
    kind: SECONDARY.test(first.text) ? "unused" : undefined,
  };
}

/** Checked in order against the panic or fatal error line. */
const RUN_RULES: [RegExp, DebugCategory, string][] = [
  [/index out of range|slice bounds out of range/, "index", "index"],
  [/nil pointer dereference|assignment to entry in nil map/, "null_reference", "nil"],
  [/integer divide by zero/, "zero_division", "divide"],
  [/stack overflow|goroutine stack exceeds/, "recursion", "stack"],
  [/out of memory|cannot allocate memory/, "memory", "memory"],
  [/all goroutines are asleep - deadlock/, "exit_code", "deadlock"],
  [/concurrent map (?:writes|read and map write)/, "exit_code", "race"],
  [/interface conversion/, "type", "interface"],
];

function run(output: string, ctx: ParseContext): Finding | null {
  const lines = toLines(output);
  const headAt = lines.findIndex((l) => l.startsWith("panic: ") || l.startsWith("fatal error: "));
  if (headAt < 0) return null;
  const head = lines[headAt] ?? "";
  let rule = RUN_RULES.find(([re]) => re.test(head));
  // "fatal error: stack overflow" comes after "runtime: goroutine stack exceeds …".
  if (!rule && headAt > 0) rule = RUN_RULES.find(([re]) => lines.slice(0, headAt).some((l) => re.test(l)));

  // The failing goroutine's block: "goroutine 1 [running]:" up to the next blank line.
  const frames: DebugFrame[] = [];
  const message = lines.slice(0, headAt + 1).filter((l) => l.startsWith("panic: ") || l.startsWith("fatal error: "));
  if (lines[headAt + 1]?.startsWith("[signal ")) message.push(lines[headAt + 1] ?? "");
  const blockAt = lines.findIndex((l, i) => i > headAt && /^goroutine \d+ \[/.test(l));
  if (blockAt >= 0) {
    message.push("", lines[blockAt] ?? "");
    for (let i = blockAt + 1; i < lines.length && lines[i] !== ""; i++) {
      const line = lines[i] ?? "";
      if (!line.startsWith("\t")) continue;
      const where = line.trim();
      const space = where.indexOf(" ");
      const pos = splitPosition(space > 0 ? where.slice(0, space) : where);
      const file = pos ? userFile(pos.path, ctx.files) : null;
      if (!pos || !file) continue;
      const fnLine = lines[i - 1] ?? "";
      const fn = fnLine.slice(0, fnLine.lastIndexOf("(") > 0 ? fnLine.lastIndexOf("(") : undefined);
      frames.push({ file, line: pos.line, function: fn });
      message.push(fnLine, line.replace(/ \+0x[0-9a-f]+.*$/, ""));
    }
  }
  frames.reverse();
  const category = rule?.[1] ?? "exit_code";
  const title = head.trim();
  const at = category === "recursion" ? recursionFrame(frames) : frames.at(-1);
  return { category, title, message, locations: frameLocation(at, title), frames, kind: rule?.[2] ?? "panic" };
}

export const goParser: LanguageParser = { compile, run };
