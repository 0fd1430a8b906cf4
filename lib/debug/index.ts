/**
 * Error analysis: a finished run → a DebugReport a learner can act on (what went wrong, where in
 * their own files, and what usually fixes it). Pure code: no Docker, React, Next or Prisma.
 */
export { analyze, inputFromResult } from "./analyze";
export { reportToMarkdown } from "./markdown";
export type { AnalyzeInput, DebugCategory, DebugFrame, DebugLocation, DebugReport } from "./types";
