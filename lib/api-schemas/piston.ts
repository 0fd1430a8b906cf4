import { z } from "zod";

/** One stage of a Piston answer, in Piston's own field names. */
export const PistonStage = z.object({
  stdout: z.string(),
  stderr: z.string(),
  output: z.string(),
  code: z.number().int().nullable(),
  signal: z.string().nullable(),
  message: z.string().nullable(),
  status: z.enum(["TO", "SG", "RE", "OL", "EL", "XX"]).nullable().meta({
    description:
      "null on success; TO timeout, SG signal (memory limit), RE non-zero exit, OL/EL stdout/stderr limit, XX internal",
  }),
  cpu_time: z.number().nullable(),
  wall_time: z.number(),
  memory: z.number().nullable(),
});
export type PistonStage = z.infer<typeof PistonStage>;

/** POST /api/v2/execute's answer: no `run` when compilation failed. */
export const PistonExecuteResponse = z
  .object({
    language: z.string(),
    version: z.string(),
    compile: PistonStage.optional(),
    run: PistonStage.optional(),
  })
  .meta({
    examples: [
      {
        language: "python",
        version: "3.11.2",
        run: {
          stdout: "abab\n",
          stderr: "",
          output: "abab\n",
          code: 0,
          signal: null,
          message: null,
          status: null,
          cpu_time: 21,
          wall_time: 43,
          memory: 9043968,
        },
      },
    ],
  });
export type PistonExecuteResponse = z.infer<typeof PistonExecuteResponse>;

/** GET /api/v2/runtimes. */
export const PistonRuntimes = z
  .array(
    z.object({
      language: z.string(),
      version: z.string(),
      aliases: z.array(z.string()),
      runtime: z.string().optional(),
    }),
  )
  .meta({ examples: [[{ language: "python", version: "3.11.2", aliases: ["py", "python3"] }]] });
export type PistonRuntimes = z.infer<typeof PistonRuntimes>;
