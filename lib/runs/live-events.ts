import type { DebugReport } from "../debug/types";
import { withoutFileContents } from "../output-files";
import type { ExecutionEvent, ExecutionResult } from "../sandbox";
import type { TerminalFacts } from "../terminal/facts";

/** The part of a finished run the playground shows. */
export interface RunOutcome {
  status: ExecutionResult["status"] | "interrupted" | "running";
  compile: ExecutionResult["compile"] | null;
  run: ExecutionResult["run"] | null;
  limits: Record<string, number>;
  wallTimeMs: number | null;
  debug: DebugReport | null;
  /** An interactive run's limits and input (its run output is the transcript); null for a batch run. */
  terminal: TerminalFacts | null;
}

/** The outcome a client is sent: output files listed without their bytes (the file routes serve those). */
export const outcomeOf = (r: {
  status: RunOutcome["status"];
  compile?: RunOutcome["compile"];
  run?: RunOutcome["run"];
  limits: object;
  wallTimeMs?: number | null;
  debug?: DebugReport | null;
  terminal?: TerminalFacts | null;
}): RunOutcome => ({
  status: r.status,
  compile: r.compile ?? null,
  run: withoutFileContents(r.run) ?? null,
  limits: r.limits as Record<string, number>,
  wallTimeMs: r.wallTimeMs ?? null,
  debug: r.debug ?? null,
  terminal: r.terminal ?? null,
});

/** What a watcher receives: engine events, then one "done" (or "error") line. */
export type LiveEvent = ExecutionEvent | { type: "done"; result: RunOutcome } | { type: "error"; message: string };
