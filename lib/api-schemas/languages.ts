import { z } from "zod";
import { Limits } from "./limits";

/** GET /api/v1/languages: what this server runs, and the limits a request may ask for. */
export const NativeLanguages = z
  .object({
    languages: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        version: z.string(),
        aliases: z.array(z.string()),
        extensions: z.array(z.string()),
        defaultFile: z.string(),
        monaco: z.string().meta({ description: "The editor's language mode" }),
        compiled: z.boolean(),
        libraries: z.array(z.string()),
      }),
    ),
    limits: z.object({ defaults: Limits, maxima: Limits }),
  })
  .meta({
    examples: [
      {
        languages: [
          {
            id: "python",
            name: "Python",
            version: "3.11.2",
            aliases: ["py", "python3"],
            extensions: [".py"],
            defaultFile: "main.py",
            monaco: "python",
            compiled: false,
            libraries: ["the standard library", "numpy"],
          },
        ],
        limits: {
          defaults: {
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
          maxima: {
            timeoutMs: 30000,
            compileTimeoutMs: 60000,
            cpuTimeMs: 60000,
            compileCpuTimeMs: 120000,
            memoryMb: 1024,
            compileMemoryMb: 2048,
            cpus: 2,
            pids: 256,
            outputKb: 1024,
            tmpMb: 64,
            nofile: 256,
          },
        },
      },
    ],
  });
export type NativeLanguages = z.infer<typeof NativeLanguages>;
