import { z } from "zod";
import { STORED_STATUSES } from "../outcome-text";
import { RUN_STATUSES } from "../sandbox/types";
import { DebugReport } from "./debug-report";
import { Limits } from "./limits";
import { OutputFile, StageResult } from "./stage";

const stage = StageResult.omit({ files: true });

/** POST /api/v1/runs: the finished run (a failing program is a 200 with its status). */
export const NativeRunResponse = z
  .object({
    id: z.string().meta({ description: "126 random bits; GET /api/v1/runs/{id} reads it back" }),
    status: z.enum(RUN_STATUSES),
    message: z
      .string()
      .optional()
      .meta({ description: "Why the run ended as internal_error (e.g. its Docker engine stopped answering)" }),
    language: z.string(),
    version: z.string(),
    compile: stage.optional(),
    run: stage.nullable().meta({ description: "null when compilation failed" }),
    outputs: z.array(OutputFile).meta({ description: "Files the program wrote under /box/out" }),
    debug: DebugReport.optional().meta({ description: "Present when the status is not ok" }),
    limits: Limits,
    wallTimeMs: z.number(),
    createdAt: z.iso.datetime(),
  })
  .meta({
    examples: [
      {
        id: "V1StGXR8_Z5jdHi6B-myT",
        status: "ok",
        language: "python",
        version: "3.11.2",
        run: {
          stdout: "abab\n",
          stderr: "",
          output: "abab\n",
          exitCode: 0,
          signal: null,
          timedOut: false,
          outOfMemory: false,
          outputTruncated: false,
          wallTimeMs: 41,
          cpuTimeMs: 20,
          memoryBytes: 9043968,
        },
        outputs: [],
        limits: {
          timeoutMs: 5000,
          compileTimeoutMs: 20000,
          cpuTimeMs: 5000,
          compileCpuTimeMs: 20000,
          memoryMb: 256,
          compileMemoryMb: 768,
          cpus: 1,
          pids: 64,
          outputKb: 64,
          tmpMb: 64,
          nofile: 256,
        },
        wallTimeMs: 113,
        createdAt: "2026-05-01T12:00:00.000Z",
      },
    ],
  });
export type NativeRunResponse = z.infer<typeof NativeRunResponse>;

/** An interactive run's limits and what its input was. */
export const TerminalFacts = z.object({
  tty: z.boolean(),
  idleMs: z.number(),
  sessionMs: z.number(),
  inputCapBytes: z.number(),
  inputBytes: z.number(),
  inputEnded: z.boolean(),
});

/** GET /api/v1/runs/{id}: the stored run, request and result. */
export const StoredRun = z.object({
  id: z.string(),
  source: z.enum(["ui", "api", "piston", "jobe"]),
  status: z.enum(STORED_STATUSES),
  language: z.string(),
  version: z.string(),
  files: z.array(z.object({ name: z.string().optional(), content: z.string(), encoding: z.string().optional() })),
  stdin: z.string(),
  args: z.array(z.string()),
  env: z.record(z.string(), z.string()),
  limits: z.record(z.string(), z.number()),
  network: z.boolean(),
  compile: StageResult.nullable(),
  run: StageResult.nullable(),
  message: z.string().nullable().meta({ description: "Why a run ended as internal_error or interrupted" }),
  debug: DebugReport.nullable(),
  terminal: TerminalFacts.nullable().meta({
    description: "An interactive run's limits and input; null for a batch run",
  }),
  wallTimeMs: z.number().nullable(),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});
export type StoredRun = z.infer<typeof StoredRun>;
