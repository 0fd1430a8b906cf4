import { z } from "zod";
import { env } from "../env";

/** Limits a request may ask for; each may only lower the admin's maximum. */
export const LimitsRequest = z
  .object({
    timeoutMs: z.number().int().positive(),
    compileTimeoutMs: z.number().int().positive(),
    memoryMb: z.number().int().positive(),
    compileMemoryMb: z.number().int().positive(),
    cpus: z.number().positive(),
    pids: z.number().int().positive(),
    outputKb: z.number().int().positive(),
  })
  .partial()
  .strict();
export type LimitsRequest = z.infer<typeof LimitsRequest>;

/** The limits one run actually gets. */
export type Limits = Required<LimitsRequest> & {
  /** Size of /tmp and of the work directory, each. */
  tmpMb: number;
  nofile: number;
};

/** Fixed caps on what a request may send; exceeding one is a validation error. */
export const INPUT_CAPS = {
  files: 32,
  sourceBytes: 1024 * 1024,
  stdinBytes: 1024 * 1024,
  args: 64,
  argBytes: 4096,
  argsTotalBytes: 64 * 1024,
  envVars: 64,
  envTotalBytes: 16 * 1024,
} as const;

/** Defaults and maxima, both from configuration. */
export function limitBounds(): { defaults: Limits; maxima: Limits } {
  const e = env();
  const common = { tmpMb: e.RUNBOX_TMP_MB, nofile: e.RUNBOX_NOFILE };
  return {
    defaults: {
      timeoutMs: Math.min(e.RUNBOX_RUN_TIMEOUT_MS, e.RUNBOX_MAX_RUN_TIMEOUT_MS),
      compileTimeoutMs: Math.min(e.RUNBOX_COMPILE_TIMEOUT_MS, e.RUNBOX_MAX_COMPILE_TIMEOUT_MS),
      memoryMb: Math.min(e.RUNBOX_RUN_MEMORY_MB, e.RUNBOX_MAX_RUN_MEMORY_MB),
      compileMemoryMb: Math.min(e.RUNBOX_COMPILE_MEMORY_MB, e.RUNBOX_MAX_COMPILE_MEMORY_MB),
      cpus: Math.min(e.RUNBOX_CPUS, e.RUNBOX_MAX_CPUS),
      pids: Math.min(e.RUNBOX_PIDS, e.RUNBOX_MAX_PIDS),
      outputKb: Math.min(e.RUNBOX_OUTPUT_KB, e.RUNBOX_MAX_OUTPUT_KB),
      ...common,
    },
    maxima: {
      timeoutMs: e.RUNBOX_MAX_RUN_TIMEOUT_MS,
      compileTimeoutMs: e.RUNBOX_MAX_COMPILE_TIMEOUT_MS,
      memoryMb: e.RUNBOX_MAX_RUN_MEMORY_MB,
      compileMemoryMb: e.RUNBOX_MAX_COMPILE_MEMORY_MB,
      cpus: e.RUNBOX_MAX_CPUS,
      pids: e.RUNBOX_MAX_PIDS,
      outputKb: e.RUNBOX_MAX_OUTPUT_KB,
      ...common,
    },
  };
}

/** Which requested limits exceed the maxima, as field → message (empty when all fit). */
export function limitViolations(requested: LimitsRequest): Record<string, string> {
  const { maxima } = limitBounds();
  const problems: Record<string, string> = {};
  for (const [key, value] of Object.entries(requested) as [keyof LimitsRequest, number | undefined][]) {
    if (value !== undefined && value > maxima[key]) {
      problems[`limits.${key}`] = `${key} may be at most ${maxima[key]} on this server (asked for ${value}).`;
    }
  }
  return problems;
}

/** Requested limits over the defaults; call limitViolations first, this only clamps. */
export function resolveLimits(requested: LimitsRequest = {}): Limits {
  const { defaults, maxima } = limitBounds();
  const out = { ...defaults };
  for (const [key, value] of Object.entries(requested) as [keyof LimitsRequest, number | undefined][]) {
    if (value !== undefined) out[key] = Math.min(value, maxima[key]);
  }
  return out;
}
