/**
 * Runs that ended by a signal and printed nothing the parsers recognise. Node names signal 6
 * "SIGIOT" (the engine takes the last name for a number), so it is shown as SIGABRT, the name
 * every tutorial uses.
 */
import type { DebugCategory } from "./types";

const DESCRIPTIONS: Record<string, string> = {
  SIGSEGV: "segmentation fault",
  SIGABRT: "aborted",
  SIGFPE: "arithmetic error",
  SIGILL: "illegal instruction",
  SIGBUS: "bus error",
  SIGKILL: "killed",
  SIGTERM: "terminated",
  SIGPIPE: "broken pipe",
  SIGXFSZ: "file size limit exceeded",
  SIGXCPU: "CPU time limit exceeded",
  SIGTRAP: "trap",
  SIGSYS: "bad system call",
};

export function normalSignal(signal: string): string {
  return signal === "SIGIOT" ? "SIGABRT" : signal;
}

export function signalFinding(
  language: string,
  rawSignal: string,
): { category: DebugCategory; title: string; kind: string } {
  const signal = normalSignal(rawSignal);
  // In C and C++ SIGFPE is integer division (or remainder) by zero in practice.
  if (signal === "SIGFPE" && (language === "c" || language === "c++")) {
    return { category: "zero_division", title: "Integer division by zero (SIGFPE)", kind: signal };
  }
  // Ctrl-C in the terminal: the person stopped it, nothing crashed.
  if (signal === "SIGINT") return { category: "signal", title: "Interrupted with Ctrl-C (SIGINT)", kind: signal };
  const what = DESCRIPTIONS[signal];
  const title = what ? `Crashed: ${what} (${signal})` : `Stopped by signal ${signal}`;
  return { category: "signal", title: title.replace("Crashed: killed", "Killed"), kind: signal };
}
