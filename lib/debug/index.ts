/**
 * Error analysis: a finished run → a DebugReport a learner can act on (what went wrong, where in
 * their own files, and what usually fixes it). Pure code: no Docker, React, Next or Prisma.
 * Request handlers call analyzeOffThread (analyze-off-thread.ts: a worker thread with a time
 * budget), which stays out of this index because client components import it.
 */
export { analyze, inputFromResult } from "./analyze";
export { reportToMarkdown } from "./markdown";
export type { AnalyzeInput, DebugCategory, DebugFrame, DebugLocation, DebugReport } from "./types";
