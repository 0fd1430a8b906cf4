/**
 * "Your program asked for more input than it was given": the most common surprise in a
 * beginner's first programs, which ask questions. Some languages say it (Python's EOFError,
 * Java's NoSuchElementException, Rust's ParseIntError { kind: Empty }); some hand back an empty
 * value that fails a line later (Ruby's nil, JavaScript's undefined, Java's null); and some say
 * nothing at all (C's scanf, C++'s cin, Go's Scan, PHP's fgets, Bash's read) and the program
 * carries on with garbage. The run's input facts (how much it got, whether it ended, whether
 * the source reads input) tell those cases apart from unrelated failures.
 */
import { hintFor } from "./hints";
import type { Finding } from "./parsers/finding";
import type { AnalyzeInput, DebugReport } from "./types";

/** Languages whose read calls give an empty value (nil, undefined, null, false) at the end of input. */
const EMPTY_VALUE_LANGUAGES = new Set(["ruby", "javascript", "typescript", "java", "php"]);

const findingText = (f: Finding | null) => (f ? `${f.title}\n${f.message.join("\n")}` : "");

/** The language itself says the input ended (no input facts needed). */
function saysInputEnded(language: string, finding: Finding | null, output: string): boolean {
  switch (language) {
    case "python":
      return finding?.kind === "EOFError";
    case "java":
      return finding?.kind === "NoSuchElementException" || /Cannot parse null string/.test(findingText(finding));
    case "rust":
      return /Parse(?:Int|Float)Error \{ kind: Empty \}/.test(findingText(finding));
    case "go":
      return /^panic: (?:unexpected )?EOF\b/m.test(findingText(finding));
    case "javascript":
    case "typescript":
      // readline used after stdin closed; an `await rl.question()` that stdin's end never answers.
      return finding?.kind === "ERR_USE_AFTER_CLOSE" || output.includes("Detected unsettled top-level await");
    default:
      return false;
  }
}

/**
 * Whether the run ended because the program read past the end of its input. `finding` is the
 * language parser's reading of the failure (null: none, or the run succeeded).
 */
export function ranOutOfInput(input: AnalyzeInput, finding: Finding | null, output: string): boolean {
  const facts = input.input;
  if (!facts) return false;
  if (input.status !== "ok" && saysInputEnded(input.language, finding, output)) return true;
  if (!facts.ended || !facts.readsInput) return false;
  if (finding?.category === "null_reference" && EMPTY_VALUE_LANGUAGES.has(input.language)) return true;
  // Silent languages: no error at all (or only an exit code or a crash), and no input was given.
  const unexplained = finding === null || finding.category === "exit_code";
  return unexplained && facts.bytes === 0;
}

/** The report for a run that ran out of input, in the playground's words. */
export function inputReport(input: AnalyzeInput, finding: Finding | null, message: string): DebugReport {
  const facts = input.input;
  const lead = facts?.interactive
    ? "It was still reading when the input ended (Ctrl-D ends it in the terminal). Run it again and type an answer at each prompt, pressing Enter after each one."
    : facts?.bytes === 0
      ? "It was given no input at all. In the playground, type your answers in the terminal while the program runs, or put them in the Input box before pressing Run, one answer per line."
      : "It read everything it was given and then asked for more. In the playground, type the missing answers in the terminal while the program runs, or add them to the Input box, one answer per line.";
  return {
    category: "input",
    stage: "run",
    title: "Your program asked for more input than it was given",
    message,
    locations: finding?.locations ?? [],
    frames: finding?.frames ?? [],
    hint: `${lead} ${hintFor("input", input.language)}`,
  };
}
