/** A report as Markdown a learner can paste into a forum post or an issue. */
import type { DebugReport } from "./types";

const LANGUAGE_NAMES: Record<string, string> = {
  python: "Python",
  javascript: "JavaScript",
  typescript: "TypeScript",
  bash: "Bash",
  ruby: "Ruby",
  go: "Go",
  c: "C",
  "c++": "C++",
  rust: "Rust",
  java: "Java",
  php: "PHP",
};

const CATEGORY_NAMES: Record<DebugReport["category"], string> = {
  syntax: "syntax error",
  name: "unknown name",
  type: "type error",
  null_reference: "null / None / nil used as a value",
  index: "index or key out of range",
  zero_division: "division by zero",
  import: "missing module or file",
  recursion: "endless recursion",
  assertion: "failed assertion",
  command_not_found: "command not found",
  undefined_function: "unknown function or method",
  compile: "compile error",
  timeout: "time limit",
  memory: "memory limit",
  output_limit: "output limit",
  process_limit: "process limit",
  signal: "crash (signal)",
  exit_code: "non-zero exit code",
  input: "ran out of input",
};

/** A code fence longer than any run of backticks inside the text, so the text cannot close it. */
function fence(text: string): string {
  let longest = 0;
  let run = 0;
  for (const ch of text) {
    run = ch === "`" ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return "`".repeat(Math.max(3, longest + 1));
}

/** Inline code that survives backticks inside it. */
function code(text: string): string {
  const ticks = text.includes("`") ? "``" : "`";
  return `${ticks}${ticks.length > 1 ? " " : ""}${text}${ticks.length > 1 ? " " : ""}${ticks}`;
}

export function reportToMarkdown(report: DebugReport, language: string): string {
  const lang = LANGUAGE_NAMES[language] ?? language;
  // A syntax error an interpreter finds stops the program before any of it ran.
  const stage =
    report.stage === "compile" ? "while compiling" : report.category === "syntax" ? "before running" : "while running";
  const out: string[] = [`### ${report.title}`, "", `**${lang}**, ${stage}: ${CATEGORY_NAMES[report.category]}`];
  if (report.message.trim() !== "") {
    const f = fence(report.message);
    out.push("", `${f}text`, report.message, f);
  }
  if (report.locations.length > 0) {
    out.push("", "**Where**", "");
    for (const loc of report.locations) {
      const col = loc.column !== undefined ? `:${loc.column}` : "";
      // The headline already says it: a location repeats only a message of its own.
      const note = loc.message && loc.message !== report.title ? ` ${loc.message}` : "";
      out.push(`- ${code(`${loc.file}:${loc.line}${col}`)}${note}`);
    }
  }
  if (report.frames.length > 1) {
    out.push("", "**Call stack** (outermost first)", "");
    for (const fr of report.frames.slice(-10)) {
      out.push(`1. ${code(`${fr.file}:${fr.line}`)}${fr.function ? ` in ${code(fr.function)}` : ""}`);
    }
  }
  out.push("", `**Hint:** ${report.hint}`, "");
  return out.join("\n");
}
