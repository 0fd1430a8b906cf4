import type { ExecutionResult, StageResult } from "../sandbox/types";

/** Jobe's outcome codes (ideone's). */
export const OUTCOME = {
  compileError: 11,
  runtimeError: 12,
  timeLimit: 13,
  success: 15,
  memoryLimit: 17,
  illegalSyscall: 19,
  internalError: 20,
  serverOverload: 21,
} as const;

/** Jobe's answer to POST runs. */
export interface JobeResult {
  run_id: string | null;
  outcome: number;
  cmpinfo: string;
  stdout: string;
  stderr: string;
}

export const overloaded = (): JobeResult => ({
  run_id: null,
  outcome: OUTCOME.serverOverload,
  cmpinfo: "",
  stdout: "",
  stderr: "",
});

/**
 * The run's work directory in front of a file name, as programs print it ("/box/prog.py").
 * CodeRunner strips Jobe's work directory from what it shows; this strips Runbox's, so students
 * see "prog.py" as they would with Jobe.
 */
const WORK_DIR = /(?<![\w./-])\/box\//g;
const clean = (s: string) => s.replace(WORK_DIR, "");

/** What the entry file is called in messages (absolute, or as it was named on the command line). */
const namesEntry = (path: string, entry: string) => path === entry || path === `/box/${entry}`;

/**
 * Python has no compile stage in Runbox; Jobe runs py_compile first and answers a syntax error
 * in the program as a compile error (11). A syntax error in the main file is reported before
 * anything runs, with no traceback header: that shape, for the entry file, is the same answer.
 */
function pythonSyntaxError(run: StageResult, entry: string): boolean {
  if (run.exitCode !== 1 || run.stdout !== "" || run.stderr.includes("Traceback (most recent call last)")) return false;
  const where = /^ {2}File "([^"\n]+)", line \d+\n/.exec(run.stderr);
  const last = run.stderr.trimEnd().split("\n").at(-1) ?? "";
  return Boolean(where?.[1] && namesEntry(where[1], entry) && /^(SyntaxError|IndentationError|TabError): /.test(last));
}

/**
 * PHP likewise: Jobe runs `php -l` first. A parse error of the entry file stops PHP before any
 * output; it is the whole of stdout (display_errors, as under php -n) or a line of stderr.
 */
function phpParseError(run: StageResult, entry: string): string | undefined {
  if (run.exitCode !== 255) return undefined;
  const inStderr = /^PHP Parse error: .* in (\S+) on line \d+$/m.exec(run.stderr);
  const out = run.stdout.trim();
  const inStdout = /^Parse error: [^\n]* in (\S+) on line \d+$/.exec(out);
  if (out !== "" && !inStdout) return undefined;
  const where = inStderr ?? inStdout;
  if (!where?.[1] || !namesEntry(where[1], entry)) return undefined;
  return inStderr ? run.stderr : out;
}

/** Compiler output is all Jobe has to say about a failed compile. */
function cmpinfoOf(compile: StageResult): string {
  const text = [compile.stdout, compile.stderr].filter((s) => s.trim() !== "").join("\n");
  if (text) return text;
  if (compile.timedOut) return "The compiler ran out of time.";
  if (compile.outOfMemory) return "The compiler ran out of memory.";
  return `The compiler failed (${compile.signal ?? `exit code ${compile.exitCode}`}).`;
}

const result = (runId: string, outcome: number, fields: Partial<JobeResult> = {}): JobeResult => ({
  run_id: runId,
  outcome,
  cmpinfo: clean(fields.cmpinfo ?? ""),
  stdout: clean(fields.stdout ?? ""),
  stderr: clean(fields.stderr ?? ""),
});

/**
 * A Runbox result in Jobe's terms. Jobe's rules: any compiler output is a compile error; then
 * a time limit is 13 and memory 17, both with stderr cleared (CodeRunner turns any stderr into
 * a runtime error); then any stderr — or death by a signal — is a runtime error (12); anything
 * else, whatever the exit code, is success (15).
 */
export function toJobeResult(
  runId: string,
  r: ExecutionResult,
  ctx: { languageId: string; entry: string },
): JobeResult {
  if (r.status === "internal_error") return result(runId, OUTCOME.internalError);
  const compile = r.compile;
  if (compile && (r.status === "compile_error" || compile.stderr.trim() !== "" || !r.run))
    return result(runId, OUTCOME.compileError, { cmpinfo: cmpinfoOf(compile) });
  const run = r.run;
  if (!run) return result(runId, OUTCOME.internalError);
  if (ctx.languageId === "python3" && pythonSyntaxError(run, ctx.entry))
    return result(runId, OUTCOME.compileError, { cmpinfo: run.stderr });
  const phpError = ctx.languageId === "php" ? phpParseError(run, ctx.entry) : undefined;
  if (phpError) return result(runId, OUTCOME.compileError, { cmpinfo: phpError });
  // An endless printing loop: Jobe discards output past its cap and the loop ends by time.
  if (run.timedOut || run.outputTruncated) return result(runId, OUTCOME.timeLimit, { stdout: run.stdout });
  if (run.outOfMemory) return result(runId, OUTCOME.memoryLimit, { stdout: run.stdout });
  // Jobe's Java task turns the tabs of stack traces into spaces.
  const stderr = ctx.languageId === "java" ? run.stderr.replaceAll("\n\t", "\n        ") : run.stderr;
  const failed = stderr !== "" || run.signal !== null;
  return result(runId, failed ? OUTCOME.runtimeError : OUTCOME.success, { stdout: run.stdout, stderr });
}
