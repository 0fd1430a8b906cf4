/**
 * The languages Runbox shares with Jobe, under Jobe's ids, with the defaults of Jobe's
 * *Task.php classes that CodeRunner questions are written against (compiler flags, interpreter
 * arguments, default file names). A request's own compileargs/interpreterargs replace these,
 * as on Jobe.
 */

export interface JobeLanguage {
  /** Jobe's language_id. */
  id: string;
  /** Runbox's language id. */
  runbox: string;
  /** Jobe's name for a source file when the run spec gives none. */
  defaultFile: string;
  /** Extensions the Runbox plan compiles; a source file without one gets the first appended. */
  sourceExtensions?: string[];
  compileargs: string[];
  interpreterargs: string[];
}

/** In Jobe's order (its language list is sorted by task class name). */
export const JOBE_LANGUAGES: readonly JobeLanguage[] = [
  {
    id: "c",
    runbox: "c",
    defaultFile: "prog.c",
    sourceExtensions: [".c"],
    // "-x c" is one element, as Jobe has it: split into words like every argument.
    compileargs: ["-Wall", "-Werror", "-std=c99", "-x c"],
    interpreterargs: [],
  },
  {
    id: "cpp",
    runbox: "c++",
    defaultFile: "prog.cpp",
    sourceExtensions: [".cpp", ".cc", ".cxx"],
    compileargs: ["-Wall", "-Werror"],
    interpreterargs: [],
  },
  {
    id: "java",
    runbox: "java",
    defaultFile: "prog.java",
    compileargs: [],
    // -Xrs: no JVM signal handlers (no thread dump when a time limit kills it); 8 MB stacks for
    // deep recursion; a 200 MB heap (Runbox gives Java runs room for it, see to-request.ts).
    interpreterargs: ["-Xrs", "-Xss8m", "-Xmx200m"],
  },
  { id: "nodejs", runbox: "javascript", defaultFile: "prog.js", compileargs: [], interpreterargs: ["--use_strict"] },
  { id: "php", runbox: "php", defaultFile: "prog.php", compileargs: [], interpreterargs: ["--no-php-ini"] },
  // -B: no .pyc files; -E: ignore PYTHON* variables (so the program sees plain buffered output).
  { id: "python3", runbox: "python", defaultFile: "prog.py", compileargs: [], interpreterargs: ["-BE"] },
];

/** A shared language by Jobe id (Jobe lower-cases the id it is sent). */
export function findJobeLanguage(id: string): JobeLanguage | undefined {
  const wanted = id.toLowerCase();
  return JOBE_LANGUAGES.find((l) => l.id === wanted);
}

/**
 * Jobe's guess at a Java source's file name: the public class that declares main. Bounded work:
 * a single pass of simple patterns, no backtracking across the whole source per class.
 */
export function javaFileName(source: string): string | undefined {
  const main =
    /\b(?:public\s+(?:final\s+)?static|static\s+public)\s+(?:final\s+)?void\s+main\s*\(\s*(?:final\s+)?String/.exec(
      source,
    );
  if (!main) return undefined;
  const before = source.slice(0, main.index);
  const classes = [...before.matchAll(/(?:^|\W)public\s+(?:final\s+|abstract\s+)*class\s+(\w+)/g)];
  const name = classes.at(-1)?.[1];
  return name ? `${name}.java` : undefined;
}
