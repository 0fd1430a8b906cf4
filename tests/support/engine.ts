import { appEngine } from "@/lib/app-engine";
import type { BatchResult, ExecutionResult } from "@/lib/sandbox";

/** The test process's engine: the same one the route handlers under test use. */
export const engine = () => appEngine();

/** Validate at the edge, then run: what a route handler does. */
export function execute(input: unknown): Promise<ExecutionResult> {
  const e = engine();
  return e.execute(e.parse(input));
}

export function executeBatch(input: unknown, stdins: string[]): Promise<BatchResult> {
  const e = engine();
  return e.executeBatch(e.parse(input), stdins);
}
