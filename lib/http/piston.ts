import { z } from "zod";
import type { PistonExecuteResponse, PistonStage } from "../api-schemas/piston";
import { ValidationError } from "../sandbox/errors";
import type { LimitBounds } from "../sandbox/limits";
import type { ExecuteRequestInput } from "../sandbox/request";
import type { ExecutionResult, StageResult } from "../sandbox/types";

/**
 * Piston v2 compatibility: the request and answer shapes exactly as Piston documents them
 * (and with Piston's own error messages), mapped onto the engine, so existing Piston clients
 * work unchanged.
 */
/** A limit field: absent, null or 0 means the server's default (as in Piston). */
const limitField = (name: string, unit: string) =>
  z
    .number({ error: `If specified, ${name} must be a number` })
    .min(0, `${name} must be non-negative`)
    .nullable()
    .optional()
    .meta({ description: `${unit}; absent, null or 0: the server's default; above its maximum: 400` });

export const PistonExecuteRequest = z
  .object({
    language: z.string({ error: "language is required as a string" }).meta({ examples: ["python"] }),
    version: z
      .string({ error: "version is required as a string" })
      .default("*")
      .meta({ description: '"*" or a semver selector' }),
    files: z.array(
      z.object({
        name: z.string().optional(),
        content: z.string(),
        encoding: z.enum(["utf8", "base64", "hex"]).optional(),
      }),
      { error: "files is required as an array" },
    ),
    stdin: z.string().optional(),
    args: z.array(z.string()).optional(),
    compile_timeout: limitField("compile_timeout", "ms"),
    run_timeout: limitField("run_timeout", "ms"),
    compile_cpu_time: limitField("compile_cpu_time", "ms"),
    run_cpu_time: limitField("run_cpu_time", "ms"),
    compile_memory_limit: limitField("compile_memory_limit", "bytes"),
    run_memory_limit: limitField("run_memory_limit", "bytes"),
  })
  .meta({
    examples: [{ language: "python", version: "*", files: [{ content: "print(input()*2)" }], stdin: "ab\n" }],
  });
export type PistonExecuteRequest = z.infer<typeof PistonExecuteRequest>;

const MiB = 1024 * 1024;

/** Piston's limit fields → the engine's (memory in bytes → MB, rounded up). */
const CONSTRAINTS = {
  run_timeout: { key: "timeoutMs", scale: 1 },
  compile_timeout: { key: "compileTimeoutMs", scale: 1 },
  run_cpu_time: { key: "cpuTimeMs", scale: 1 },
  compile_cpu_time: { key: "compileCpuTimeMs", scale: 1 },
  run_memory_limit: { key: "memoryMb", scale: MiB },
  compile_memory_limit: { key: "compileMemoryMb", scale: MiB },
} as const satisfies Record<string, { key: keyof LimitBounds["maxima"]; scale: number }>;

/** Piston request → engine request input (throws ValidationError with Piston's messages). */
export function fromPistonRequest(body: unknown, bounds: LimitBounds): ExecuteRequestInput {
  const files = (body as { files?: unknown } | null)?.files;
  if (Array.isArray(files)) {
    for (const [i, file] of files.entries()) {
      if (typeof (file as { content?: unknown } | null)?.content !== "string")
        throw new ValidationError(`files[${i}].content is required as a string`);
    }
  }
  const parsed = PistonExecuteRequest.safeParse(body);
  if (!parsed.success) throw new ValidationError(parsed.error.issues[0]?.message ?? "Invalid request");
  const p = parsed.data;
  if (!p.files.some((f) => !f.encoding || f.encoding === "utf8"))
    throw new ValidationError("files must include at least one utf8 encoded file");
  const limits: Record<string, number> = {};
  for (const [name, { key, scale }] of Object.entries(CONSTRAINTS)) {
    const value = p[name as keyof typeof CONSTRAINTS];
    // Piston: absent, null and 0 mean "the configured default" (types and signs: checked by the schema).
    if (value === undefined || value === null || value === 0) continue;
    const configured = bounds.maxima[key] * scale;
    if (value > configured) throw new ValidationError(`${name} cannot exceed the configured limit of ${configured}`);
    limits[key] = Math.ceil(value / scale);
  }
  return {
    language: p.language,
    version: p.version,
    files: p.files.map((f) => ({ name: f.name, content: f.content, encoding: f.encoding ?? "utf8" })),
    stdin: p.stdin ?? "",
    args: p.args ?? [],
    limits,
  };
}

/** Piston's status codes: TO timeout, SG signal, RE non-zero exit, OL/EL output limit, XX internal. */
export function toPistonStage(stage: StageResult, outputLimitBytes: number): PistonStage {
  let status: PistonStage["status"] = null;
  let message: string | null = null;
  if (stage.timedOut) {
    status = "TO";
    message = stage.timeoutKind === "cpu" ? "CPU time limit exceeded" : "Time limit exceeded";
  } else if (stage.outOfMemory) {
    status = "SG";
    message = "Memory limit exceeded";
  } else if (stage.outputTruncated) {
    const stdoutFull = Buffer.byteLength(stage.stdout) >= outputLimitBytes - 4;
    status = stdoutFull ? "OL" : "EL";
    message = stdoutFull ? "stdout length exceeded" : "stderr length exceeded";
  } else if (stage.signal) {
    status = "SG";
    message = `Killed by signal ${stage.signal}`;
  } else if (stage.exitCode !== 0) {
    status = "RE";
    message = `Exited with code ${stage.exitCode}`;
  }
  return {
    stdout: stage.stdout,
    stderr: stage.stderr,
    output: stage.output,
    code: stage.exitCode,
    signal: stage.signal,
    message,
    status,
    cpu_time: stage.cpuTimeMs,
    wall_time: stage.wallTimeMs,
    memory: stage.memoryBytes,
  };
}

/** Engine result → Piston answer ({ language, version, run, compile? }). */
export function toPistonResponse(result: ExecutionResult): PistonExecuteResponse {
  const cap = result.limits.outputKb * 1024;
  const internal: PistonStage = {
    stdout: "",
    stderr: "",
    output: "",
    code: null,
    signal: null,
    message: "The sandbox failed before the program finished",
    status: "XX",
    cpu_time: null,
    wall_time: result.wallTimeMs,
    memory: null,
  };
  return {
    language: result.language,
    version: result.version,
    ...(result.compile ? { compile: toPistonStage(result.compile, cap) } : {}),
    ...(result.run ? { run: toPistonStage(result.run, cap) } : result.compile ? {} : { run: internal }),
  };
}
