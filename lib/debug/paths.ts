/**
 * Mapping the paths toolchains print back to the names the user gave their files. The engine
 * copies files into /box (interpreters print "/box/main.py" or "main.py", Go "./main.go", Java
 * only the base name "Main.java"), and anything else is the runtime's own code.
 */

const basename = (p: string) => p.slice(p.lastIndexOf("/") + 1);

/** Prefixes under which the user's files appear in the container. */
const USER_PREFIXES = ["file:///box/", "/box/", "/tmp/runbox/out/", "./"];

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
  if (files.includes(p)) return p;
  // TypeScript compiled without a source map shows the emitted .js file.
  if (p.endsWith(".js")) {
    const ts = `${p.slice(0, -3)}.ts`;
    if (files.includes(ts)) return ts;
  }
  // Java (and Go's package paths) print base names; Java files may also have been renamed to
  // their public class, so compare without case. Only a unique match counts.
  const base = basename(p).toLowerCase();
  let found: string | null = null;
  for (const f of files) {
    if (basename(f).toLowerCase() !== base) continue;
    if (found !== null) return null;
    found = f;
  }
  return found;
}
