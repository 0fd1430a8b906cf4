import { z } from "zod";
import { ValidationError } from "../sandbox/errors";
import type { ExecuteRequestInput } from "../sandbox/request";
import type { ExecutionResult, StageResult } from "../sandbox/types";

/**
 * Piston v2 compatibility: the request and answer shapes exactly as Piston documents them,
 * mapped onto the engine, so existing Piston clients work unchanged.
 */
const limit = z.number().int().optional();

export const PistonExecuteRequest = z.object({
  language: z.string({ error: "language is required as a string" }),
  version: z.string({ error: "version is required as a string" }).default("*"),
  files: z
    .array(
      z.object({
        name: z.string().optional(),
        content: z.string({ error: "file content is required as a string" }),
        encoding: z.enum(["utf8", "base64", "hex"]).optional(),
      }),
      { error: "files is required as an array" },
    )
    .min(1, "files is required as an array"),
  stdin: z.string().optional(),
  args: z.array(z.string()).optional(),
  compile_timeout: limit,
  run_timeout: limit,
  compile_cpu_time: limit,
  run_cpu_time: limit,
  compile_memory_limit: limit,
  run_memory_limit: limit,
});
export type PistonExecuteRequest = z.infer<typeof PistonExecuteRequest>;

const MiB = 1024 * 1024;
/** Piston uses -1 (or absence) for "the server's default". */
const given = (v: number | undefined) => (v === undefined || v < 0 ? undefined : v);
const toMb = (bytes: number | undefined) => {
  const b = given(bytes);
  return b === undefined ? undefined : Math.max(1, Math.ceil(b / MiB));
};

/** Piston request → engine request (throws ValidationError with Piston's messages). */
export function fromPistonRequest(body: unknown): ExecuteRequestInput {
  const parsed = PistonExecuteRequest.safeParse(body);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ValidationError(first?.message ?? "Invalid request");
  }
  const p = parsed.data;
  const limits = Object.fromEntries(
    Object.entries({
      timeoutMs: given(p.run_timeout),
      compileTimeoutMs: given(p.compile_timeout),
      memoryMb: toMb(p.run_memory_limit),
      compileMemoryMb: toMb(p.compile_memory_limit),
    }).filter(([, v]) => v !== undefined),
  );
  return {
    language: p.language,
    version: p.version,
    files: p.files.map((f) => ({ name: f.name, content: f.content, encoding: f.encoding ?? "utf8" })),
    stdin: p.stdin ?? "",
    args: p.args ?? [],
    limits,
  };
}

export interface PistonStage {
  stdout: string;
  stderr: string;
  output: string;
  code: number | null;
  signal: string | null;
  message: string | null;
  status: string | null;
  cpu_time: number | null;
  wall_time: number;
  memory: number | null;
}

/** Piston's status codes: TO timeout, SG signal, RE non-zero exit, OL/EL output limit, XX internal. */
export function toPistonStage(stage: StageResult, outputLimitBytes: number): PistonStage {
  let status: string | null = null;
  let message: string | null = null;
  if (stage.timedOut) {
    status = "TO";
    message = "Time limit exceeded";
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
export function toPistonResponse(result: ExecutionResult) {
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
