import { bashParser } from "./bash";
import type { LanguageParser } from "./finding";
import { gccParser } from "./gcc";
import { goParser } from "./go";
import { javaParser } from "./java";
import { nodeParser } from "./node";
import { phpParser } from "./php";
import { pythonParser } from "./python";
import { rubyParser } from "./ruby";
import { rustParser } from "./rust";
import { typescriptParser } from "./typescript";

const PARSERS: Record<string, LanguageParser> = {
  python: pythonParser,
  javascript: nodeParser,
  typescript: typescriptParser,
  bash: bashParser,
  ruby: rubyParser,
  go: goParser,
  c: gccParser,
  "c++": gccParser,
  rust: rustParser,
  java: javaParser,
  php: phpParser,
};

/** The parser for an engine language id; an unknown language gets none (limits and exit codes still work). */
export function parserFor(language: string): LanguageParser {
  return PARSERS[language] ?? {};
}
