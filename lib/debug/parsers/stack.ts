/** Stack-frame line readers shared by languages whose traces look alike. */

import { userFile } from "../paths";
import { splitPosition } from "../text";
import type { DebugFrame } from "../types";

/**
 * V8: "    at depth (/box/main.js:2:10)", "    at /box/main.js:4:1", "    at async f (file:///box/a.mjs:1:2)".
 * Parsed by hand from the right, so a hostile line cannot make a regex backtrack.
 */
export function v8Frame(line: string, files: readonly string[]): DebugFrame | null {
  const t = line.trim();
  if (!t.startsWith("at ")) return null;
  let body = t.slice(3);
  let fn: string | undefined;
  if (body.endsWith(")")) {
    const open = body.lastIndexOf(" (");
    if (open < 0) return null;
    fn = body.slice(0, open);
    body = body.slice(open + 2, -1);
  }
  const pos = splitPosition(body);
  if (!pos) return null;
  const file = userFile(pos.path, files);
  if (!file) return null;
  const frame: DebugFrame = { file, line: pos.line };
  if (pos.column !== undefined) frame.column = pos.column;
  if (fn && fn !== "Object.<anonymous>") frame.function = fn.replace(/^async /, "");
  return frame;
}

/** JVM: "\tat Main.depth(Main.java:3)", "\tat java.base/java.util.List12.get(ImmutableCollections.java:585)". */
export function jvmFrame(line: string, files: readonly string[]): DebugFrame | null {
  const t = line.trim();
  if (!t.startsWith("at ") || !t.endsWith(")")) return null;
  const open = t.lastIndexOf("(");
  if (open < 0) return null;
  const method = t.slice(3, open);
  // Frames in a named module (java.base/…) are the JDK's own.
  if (method.includes("/")) return null;
  const pos = splitPosition(t.slice(open + 1, -1));
  if (!pos) return null;
  const file = userFile(pos.path, files);
  if (!file) return null;
  return { file, line: pos.line, function: method };
}
