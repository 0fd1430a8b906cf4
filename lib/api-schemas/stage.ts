import { z } from "zod";
import type { OutputFile as EngineOutputFile, StageResult as EngineStageResult } from "../sandbox/types";
import type { Assert, Same } from "./same-type";

/** A file the program wrote under /box/out. */
export const OutputFile = z.object({
  name: z.string(),
  size: z.number().int(),
  type: z.string().meta({ description: "Sniffed from the bytes (image/png, text/csv, …), never from the name" }),
  content: z.string().meta({ description: "base64" }),
});
export type OutputFile = z.infer<typeof OutputFile>;

/** What one stage (compile or run) of a program did. */
export const StageResult = z.object({
  stdout: z.string(),
  stderr: z.string(),
  output: z.string().meta({ description: "stdout and stderr interleaved as they were written" }),
  exitCode: z.number().int().nullable().meta({ description: "null when a signal ended the process" }),
  signal: z
    .string()
    .nullable()
    .meta({ examples: ["SIGKILL"] }),
  timedOut: z.boolean(),
  timeoutKind: z.enum(["wall", "cpu", "idle"]).optional(),
  outOfMemory: z.boolean(),
  outputTruncated: z.boolean(),
  wallTimeMs: z.number(),
  cpuTimeMs: z.number().nullable(),
  memoryBytes: z.number().nullable().meta({ description: "Peak resident memory of the stage's processes" }),
  message: z.string().optional().meta({ description: "Why the engine stopped or never started the stage" }),
  files: z.array(OutputFile).optional(),
  filesDropped: z.number().int().optional(),
});
export type StageResult = z.infer<typeof StageResult>;

export type StageResultMatchesEngine = Assert<Same<StageResult, EngineStageResult>>;
export type OutputFileMatchesEngine = Assert<Same<OutputFile, EngineOutputFile>>;
