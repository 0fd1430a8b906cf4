import { z } from "zod";
import type { DebugReport as Report } from "../debug/types";
import type { Assert, Same } from "./same-type";

/** Why a run failed and where (lib/debug), for every run whose status is not ok. */
export const DebugReport = z.object({
  category: z.enum([
    "syntax",
    "name",
    "type",
    "null_reference",
    "index",
    "zero_division",
    "import",
    "recursion",
    "assertion",
    "command_not_found",
    "undefined_function",
    "compile",
    "timeout",
    "memory",
    "output_limit",
    "process_limit",
    "signal",
    "exit_code",
    "input",
  ]),
  stage: z.enum(["compile", "run"]),
  title: z.string(),
  message: z.string(),
  locations: z.array(
    z.object({
      file: z.string(),
      line: z.number().int(),
      column: z.number().int().optional(),
      message: z.string().optional(),
    }),
  ),
  frames: z.array(
    z.object({
      file: z.string(),
      line: z.number().int(),
      column: z.number().int().optional(),
      function: z.string().optional(),
    }),
  ),
  hint: z.string(),
});
export type DebugReport = z.infer<typeof DebugReport>;

export type DebugReportMatches = Assert<Same<DebugReport, Report>>;
