/**
 * Mapping the paths toolchains print back to the names the user gave their files. The engine
 * copies files into /box (interpreters print "/box/main.py" or "main.py", Go "./main.go", Java
 * only the base name "Main.java"), and anything else is the runtime's own code.
 */

const basename = (p: string) => p.slice(p.lastIndexOf("/") + 1);

/** Prefixes under which the user's files appear in the container. */
const USER_PREFIXES = ["file:///box/", "/box/", "/tmp/runbox/out/", "./"];

/** A file list indexed once: parsers ask about every line, and a request may send 32 files. */
interface FileIndex {
  names: Set<string>;
  /** Lower-cased base name → the one file with it, or null when several share it. */
  byBase: Map<string, string | null>;
}

/** Keyed by the list itself: one analysis passes the same (never mutated) array to every call. */
const indexes = new WeakMap<readonly string[], FileIndex>();

function indexFor(files: readonly string[]): FileIndex {
  let index = indexes.get(files);
  if (!index) {
    index = { names: new Set(files), byBase: new Map() };
    for (const f of files) {
      const base = basename(f).toLowerCase();
      index.byBase.set(base, index.byBase.has(base) ? null : f);
    }
    indexes.set(files, index);
  }
  return index;
}

/** The user's file name for a printed path, or null when the path is not one of theirs. */
export function userFile(printed: string, files: readonly string[]): string | null {
  let p = printed.trim();
  for (const prefix of USER_PREFIXES) {
    if (p.startsWith(prefix)) {
      p = p.slice(prefix.length);
      break;
    }
  }
  if (p === "" || p.startsWith("/") || p.startsWith("<") || p.startsWith("node:") || p.includes("://")) return null;
  // Without a file list (an API caller may not send one) every relative path is the user's.
  if (files.length === 0) return p;
  const index = indexFor(files);
  if (index.names.has(p)) return p;
  // TypeScript compiled without a source map shows the emitted .js file.
  if (p.endsWith(".js")) {
    const ts = `${p.slice(0, -3)}.ts`;
    if (index.names.has(ts)) return ts;
  }
  // Java (and Go's package paths) print base names; Java files may also have been renamed to
  // their public class, so compare without case. Only a unique match counts.
  return index.byBase.get(basename(p).toLowerCase()) ?? null;
}
