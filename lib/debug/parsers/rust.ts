/**
 * rustc 1.63. Each diagnostic is a block: "error[E0425]: cannot find value `totl` in this scope",
 * then " --> main.rs:3:20" and an annotated excerpt; warnings look the same with "warning".
 * Panics (without RUST_BACKTRACE) are one line:
 *   thread 'main' panicked at 'index out of bounds: the len is 3 but the index is 5', main.rs:4:20
 * (Rust ≥ 1.73 prints "panicked at main.rs:4:20:" and the message on the next line; both are read.)
 */

import { userFile } from "../paths";
import { splitPosition, toLines } from "../text";
import type { DebugCategory, DebugLocation } from "../types";
import type { Finding, LanguageParser, ParseContext } from "./finding";

const NAME = new Set(["E0412", "E0423", "E0424", "E0425", "E0426", "E0531", "E0609", "E0422"]);
const TYPE = new Set([
  "E0308",
  "E0277",
  "E0061",
  "E0069",
  "E0369",
  "E0600",
  "E0604",
  "E0605",
  "E0606",
  "E0614",
  "E0271",
]);
const IMPORT = new Set(["E0432", "E0433", "E0583", "E0463", "E0405"]);
const FUNCTION = new Set(["E0599"]);

function compileCategory(code: string | undefined, text: string): DebugCategory {
  if (code) {
    if (code === "E0425" && text.startsWith("cannot find function")) return "undefined_function";
    if (NAME.has(code)) return "name";
    if (TYPE.has(code)) return "type";
    if (IMPORT.has(code)) return "import";
    if (FUNCTION.has(code)) return "undefined_function";
    return "compile";
  }
  // Parser errors carry no code.
  if (
    /^expected |^unexpected |unclosed delimiter|unterminated|mismatched closing delimiter|^unknown start of token/.test(
      text,
    )
  ) {
    return "syntax";
  }
  return "compile";
}

interface Block {
  severity: "error" | "warning";
  code?: string;
  text: string;
  location: DebugLocation | null;
  lines: string[];
}

/** Diagnostic blocks of one severity from rustc's output. */
function blocks(output: string, files: readonly string[]): Block[] {
  const out: Block[] = [];
  let current: Block | null = null;
  for (const line of toLines(output)) {
    const head = /^(error|warning)(?:\[(E\d{4})\])?: (.*)$/.exec(line);
    if (head) {
      const text = head[3] ?? "";
      // rustc's summary lines are not diagnostics of their own.
      if (/^aborting due to|^\d+ warnings? emitted|^could not compile/.test(text)) {
        current = null;
        continue;
      }
      current = { severity: head[1] as Block["severity"], text, location: null, lines: [line] };
      if (head[2]) current.code = head[2];
      out.push(current);
      continue;
    }
    if (!current) continue;
    if (line.startsWith("For more information") || line.startsWith("Some errors have detailed")) continue;
    current.lines.push(line);
    const arrow = line.indexOf("--> ");
    if (current.location === null && arrow >= 0 && line.slice(0, arrow).trim() === "") {
      const pos = splitPosition(line.slice(arrow + 4).trim());
      const file = pos ? userFile(pos.path, files) : null;
      if (pos && file) {
        current.location = {
          file,
          line: pos.line,
          message: current.code ? `${current.code}: ${current.text}` : current.text,
        };
        if (pos.column !== undefined) current.location.column = pos.column;
      }
    }
  }
  return out;
}

function compile(output: string, ctx: ParseContext): Finding | null {
  const errors = blocks(output, ctx.files).filter((b) => b.severity === "error");
  const first = errors[0];
  if (!first) return null;
  return {
    category: compileCategory(first.code, first.text),
    title: first.code ? `error[${first.code}]: ${first.text}` : `error: ${first.text}`,
    message: errors.flatMap((e) => e.lines),
    locations: errors.flatMap((e) => (e.location ? [e.location] : [])),
    frames: [],
    kind: first.code,
  };
}

const PANICS: [RegExp, DebugCategory, string][] = [
  [/index out of bounds|is out of bounds of|range (?:start|end) index .* out of range|byte index/, "index", "index"],
  [/attempt to (?:divide|calculate the remainder) .*zero/, "zero_division", "divide"],
  [/called `Option::unwrap\(\)` on a `None` value/, "null_reference", "unwrap_none"],
  [/called `Result::unwrap\(\)` on an `Err` value/, "exit_code", "unwrap_err"],
  [/overflow/, "type", "overflow"],
];

function run(output: string, ctx: ParseContext): Finding | null {
  const lines = toLines(output);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (/^thread '.*' has overflowed its stack$/.test(line)) {
      // rustc warned at compile time where the recursion is ("function cannot return without recursing").
      const warning = blocks(ctx.compileOutput ?? "", ctx.files).find(
        (b) => b.severity === "warning" && b.text.includes("without recursing") && b.location,
      );
      return {
        category: "recursion",
        title: "Stack overflow",
        message: lines.slice(i, i + 2),
        locations: warning?.location ? [warning.location] : [],
        frames: [],
        kind: "stack",
      };
    }
    if (/^memory allocation of \d+ bytes failed/.test(line)) {
      return { category: "memory", title: line.trim(), message: [line], locations: [], frames: [], kind: "alloc" };
    }
    const at = line.indexOf("' panicked at ");
    if (!line.startsWith("thread '") || at < 0) continue;
    let rest = line.slice(at + 14);
    let text: string;
    let where: string;
    if (rest.startsWith("'")) {
      // 1.63: panicked at 'message', file:line:col
      const comma = rest.lastIndexOf("', ");
      text = rest.slice(1, comma < 0 ? undefined : comma);
      where = comma < 0 ? "" : rest.slice(comma + 3);
    } else {
      // ≥ 1.73: panicked at file:line:col:  then the message on the next line
      rest = rest.replace(/:$/, "");
      where = rest;
      text = lines[i + 1] ?? "";
    }
    const pos = splitPosition(where);
    const file = pos ? userFile(pos.path, ctx.files) : null;
    const rule = PANICS.find(([re]) => re.test(text));
    const title = `panicked: ${text}`;
    const locations: DebugLocation[] = [];
    if (pos && file) {
      const loc: DebugLocation = { file, line: pos.line, message: text };
      if (pos.column !== undefined) loc.column = pos.column;
      locations.push(loc);
    }
    const frames = locations.map((l) => ({ file: l.file, line: l.line, ...(l.column ? { column: l.column } : {}) }));
    return {
      category: rule?.[1] ?? "exit_code",
      title,
      message: lines.slice(i).filter((l) => !l.startsWith("note: run with `RUST_BACKTRACE")),
      locations,
      frames,
      kind: rule?.[2] ?? "panic",
    };
  }
  return null;
}

export const rustParser: LanguageParser = { compile, run };
