/**
 * GCC 12 (C and C++). Compiler diagnostics are "file:line:col: error: text", each followed by a
 * code excerpt ("    5 |     printf(…)") and caret; the linker adds "main.c:(.text+0x7):
 * undefined reference to `greet'" without a line. A crashing binary prints little: glibc's
 * assert message, libstdc++'s "terminate called after throwing…", or nothing but a signal.
 */

import { userFile } from "../paths";
import { splitPosition, toLines } from "../text";
import type { DebugCategory, DebugLocation } from "../types";
import type { Finding, LanguageParser, ParseContext } from "./finding";

const SEVERITIES = [": fatal error: ", ": error: ", ": warning: ", ": note: "] as const;

/** Checked in order; GCC's curly quotes are made straight before matching. */
const RULES: [RegExp, DebugCategory][] = [
  [/No such file or directory/, "import"],
  [/implicit declaration of function/, "undefined_function"],
  [
    /undeclared|was not declared in this scope|unknown type name|has no member named|is not a member of|does not name a type/,
    "name",
  ],
  [
    /^expected |^stray |missing terminating|unterminated|invalid preprocessing directive|#(?:endif|else) without/,
    "syntax",
  ],
  [
    /incompatible type|cannot convert|invalid conversion|no match for|no matching function|too (?:many|few) arguments|invalid operands|conversion from .* to non-scalar|request for member|lvalue required|assignment of read-only|invalid use of void|makes (?:integer|pointer) from|subscripted value is|cannot bind/,
    "type",
  ],
  [/division by zero/, "zero_division"],
];

const straight = (s: string) => s.replace(/[‘’]/g, "'");

interface Diagnostic {
  severity: string;
  location: DebugLocation | null;
  text: string;
  /** The excerpt line "    4 |     greet();" when GCC printed one. */
  code?: string;
  notes: string[];
  lines: string[];
}

function readDiagnostic(line: string, files: readonly string[]): Diagnostic | null {
  for (const marker of SEVERITIES) {
    const at = line.indexOf(marker);
    if (at <= 0) continue;
    const pos = splitPosition(line.slice(0, at));
    const file = pos ? userFile(pos.path, files) : null;
    const text = straight(line.slice(at + marker.length));
    let location: DebugLocation | null = null;
    if (pos && file) {
      location = { file, line: pos.line, message: text };
      if (pos.column !== undefined) location.column = pos.column;
    }
    return { severity: marker.slice(2, -2), location, text, notes: [], lines: [line] };
  }
  return null;
}

function categoryOf(d: Diagnostic): DebugCategory {
  const rule = RULES.find(([re]) => re.test(d.text));
  let category = rule?.[1] ?? "compile";
  if (category === "name") {
    // "'vector' is not a member of 'std'" + note "did you forget to '#include <vector>'?"
    if (d.notes.some((n) => n.includes("#include"))) return "import";
    // An undeclared name followed by "(" in the excerpt is a call to a function that does not exist.
    const col = d.location?.column;
    const bar = d.code?.indexOf("| ") ?? -1;
    if (col !== undefined && d.code && bar >= 0) {
      const rest = d.code.slice(bar + 2 + col - 1);
      if (/^[A-Za-z_]\w*\s*\(/.test(rest)) category = "undefined_function";
    }
  }
  return category;
}

/**
 * The names in "function 'greet'" in a warning ("implicit declaration of function 'greet'").
 * Each search for the closing quote ends before the next name can start: one pass.
 */
function namedFunctions(text: string): string[] {
  const marker = "function '";
  const names: string[] = [];
  for (let at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) {
    const start = at + marker.length;
    const end = text.indexOf("'", start);
    if (end < 0) break;
    if (end > start) names.push(text.slice(start, end));
  }
  return names;
}

/**
 * "… undefined reference to `greet'" → "greet", by hand (a regex with a repeated class before
 * the closing quote rescans the rest of a long line from every match of its prefix).
 */
function undefinedReference(line: string): string | null {
  const marker = "undefined reference to ";
  for (let at = line.indexOf(marker); at >= 0; at = line.indexOf(marker, at + 1)) {
    const open = at + marker.length;
    if (line[open] !== "`" && line[open] !== "'") continue;
    const end = line.indexOf("'", open + 1);
    // No closing quote here means none for any later reference either.
    if (end < 0) return null;
    if (end > open + 1) return line.slice(open + 1, end);
  }
  return null;
}

function compile(output: string, ctx: ParseContext): Finding | null {
  const diagnostics: Diagnostic[] = [];
  /** Linker errors in output order: the undefined symbol and the diagnostic standing for them. */
  const linkErrors: { name: string; d: Diagnostic }[] = [];
  for (const raw of toLines(output)) {
    const line = raw.startsWith("/usr/bin/ld: ") ? raw.slice(13) : raw;
    // "collect2: error: ld returned 1 exit status" only repeats that the linker failed, and
    // "/tmp/ccX.o: in function `main':" names a temporary object file.
    if (line.startsWith("collect2:") || line === "compilation terminated.") continue;
    if (line.includes(": in function `") && !line.includes("undefined reference")) continue;
    const d = readDiagnostic(line, ctx.files);
    const last = diagnostics.at(-1);
    if (d && d.severity === "note" && last) {
      last.notes.push(d.text);
      last.lines.push(line);
    } else if (d) {
      diagnostics.push(d);
    } else if (/^\s+\d+ \| /.test(line) && last) {
      last.code ??= line;
      last.lines.push(line);
    } else if (/^\s+\| /.test(line) && last) {
      last.lines.push(line);
    } else {
      // "main.c:(.text.startup+0x7): undefined reference to `greet'"
      const ref = undefinedReference(line);
      if (ref || line.includes("multiple definition of")) {
        const link: Diagnostic = { severity: "link", location: null, text: straight(line), notes: [], lines: [line] };
        diagnostics.push(link);
        linkErrors.push({ name: ref ?? "", d: link });
      }
    }
  }
  const errors = diagnostics.filter((d) => (d.severity === "error" || d.severity === "fatal error") && d.location);
  // A call to an undefined C function is only a warning until the linker fails; that warning has
  // the line. Warnings are indexed by the functions they name, once: 18,000 undefined references
  // must not each search 35,000 warnings (that took 12 s of CPU).
  const warned = new Map<string, Diagnostic>();
  for (const d of diagnostics) {
    if (d.severity !== "warning") continue;
    for (const name of namedFunctions(d.text)) if (!warned.has(name)) warned.set(name, d);
  }
  const located = new Set(errors);
  for (const link of linkErrors) {
    const open = link.name.indexOf("(");
    const warning = warned.get(open < 0 ? link.name : link.name.slice(0, open));
    if (warning) located.add(warning);
  }
  const message = diagnostics.filter((d) => d.severity !== "warning" || located.has(d)).flatMap((d) => d.lines);
  const locations = [...located].flatMap((d) => (d.location ? [d.location] : []));
  const first = errors[0];
  if (first) return { category: categoryOf(first), title: first.text, message, locations, frames: [] };
  const link = linkErrors[0];
  if (!link) return null;
  if (link.name === "")
    return { category: "compile", title: link.d.text, message, locations, frames: [], kind: "link" };
  return {
    category: "undefined_function",
    title: `undefined reference to '${link.name}'`,
    message,
    locations,
    frames: [],
    kind: link.name === "main" ? "no_main" : "link",
  };
}

/** libstdc++ exception types → what they usually mean. */
const EXCEPTIONS: [RegExp, DebugCategory][] = [
  [/out_of_range/, "index"],
  [/bad_alloc|length_error/, "memory"],
  [/invalid_argument|bad_cast|bad_variant_access|bad_any_cast/, "type"],
  [/bad_optional_access|bad_function_call|bad_weak_ptr/, "null_reference"],
];

function run(output: string, ctx: ParseContext): Finding | null {
  const lines = toLines(output);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    // glibc: "app: main.c:7: main: Assertion `add(2, 2) == 4' failed."
    const assertAt = line.indexOf(": Assertion `");
    if (assertAt > 0 && line.endsWith("' failed.")) {
      const parts = line.slice(0, assertAt).split(": ");
      const pos = parts[1] ? splitPosition(parts[1]) : null;
      const file = pos ? userFile(pos.path, ctx.files) : null;
      const title = `Assertion failed: ${line.slice(assertAt + 13, -"' failed.".length)}`;
      const locations = pos && file ? [{ file, line: pos.line, message: title }] : [];
      const frames = pos && file ? [{ file, line: pos.line, function: parts[2] ?? "" }] : [];
      return { category: "assertion", title, message: [line], locations, frames, kind: "assert" };
    }
    const thrown = /^terminate called after throwing an instance of '(.+)'$/.exec(line);
    if (thrown?.[1]) {
      const type = thrown[1];
      const what = lines[i + 1]?.trim().startsWith("what():") ? (lines[i + 1] ?? "").trim().slice(7).trim() : "";
      const category = EXCEPTIONS.find(([re]) => re.test(type))?.[1] ?? "signal";
      const title = `Uncaught exception ${type}${what ? `: ${what}` : ""}`;
      // Exceptions with a category get that category's hint; the rest the uncaught-exception one.
      const kind = category === "signal" ? "uncaught" : undefined;
      return { category, title, message: lines.slice(i, i + 2), locations: [], frames: [], kind };
    }
    if (line.includes("*** stack smashing detected ***")) {
      return {
        category: "index",
        title: "Stack smashing detected",
        message: [line],
        locations: [],
        frames: [],
        kind: "smash",
      };
    }
    if (/^(?:free|malloc|realloc|munmap_chunk|double free|corrupted)\b.*(?:invalid|corrupt|double free)/.test(line)) {
      return { category: "signal", title: line.trim(), message: [line], locations: [], frames: [], kind: "heap" };
    }
  }
  return null;
}

export const gccParser: LanguageParser = { compile, run };
