import { z } from "zod";

/**
 * The smallest limits a run may have. Below them Docker refuses the container (memory < 6 MB),
 * treats the value as "unlimited" (NanoCpus 0) or no language can start at all; each is a 400
 * at the edge rather than a 500 (or a silently unlimited run) later.
 */
export const LIMIT_MINIMA = {
  timeoutMs: 10,
  compileTimeoutMs: 100,
  cpuTimeMs: 10,
  compileCpuTimeMs: 100,
  memoryMb: 16,
  compileMemoryMb: 64,
  cpus: 0.05,
  pids: 8,
  outputKb: 1,
} as const;

/** Limits a request may ask for; each may only lower the admin's maximum. */
export const LimitsRequest = z
  .object({
    timeoutMs: z.number().int().positive(),
    compileTimeoutMs: z.number().int().positive(),
    /** CPU time the program may use (ms); defaults to its wall-clock limit. */
    cpuTimeMs: z.number().int().positive(),
    compileCpuTimeMs: z.number().int().positive(),
    memoryMb: z.number().int().positive(),
    compileMemoryMb: z.number().int().positive(),
    cpus: z.number().positive(),
    pids: z.number().int().positive(),
    outputKb: z.number().int().positive(),
  })
  .partial()
  .strict();
export type LimitsRequest = z.infer<typeof LimitsRequest>;
type LimitKey = keyof LimitsRequest;

/** The limits one run actually gets. */
export type Limits = Required<LimitsRequest> & {
  /** Size of /tmp and of the work directory, each. */
  tmpMb: number;
  nofile: number;
};

/** Defaults and maxima: what a run gets when it asks for nothing, and the most it may ask for. */
export interface LimitBounds {
  defaults: Limits;
  maxima: Limits;
}

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

const UNIT: Record<LimitKey, string> = {
  timeoutMs: "ms",
  compileTimeoutMs: "ms",
  cpuTimeMs: "ms",
  compileCpuTimeMs: "ms",
  memoryMb: "MB",
  compileMemoryMb: "MB",
  cpus: "CPUs",
  pids: "processes",
  outputKb: "KB",
};

/** Which requested limits are outside [minimum, maximum], as field → message (empty when all fit). */
export function limitViolations(requested: LimitsRequest, bounds: LimitBounds): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const [key, value] of Object.entries(requested) as [LimitKey, number | undefined][]) {
    if (value === undefined) continue;
    const max = bounds.maxima[key];
    const min = LIMIT_MINIMA[key];
    if (value > max)
      problems[`limits.${key}`] = `${key} may be at most ${max} ${UNIT[key]} on this server (asked for ${value}).`;
    else if (value < min)
      problems[`limits.${key}`] = `${key} must be at least ${min} ${UNIT[key]} (asked for ${value}).`;
  }
  return problems;
}

/** Requested limits over the defaults; call limitViolations first, this only clamps. */
export function resolveLimits(requested: LimitsRequest, bounds: LimitBounds): Limits {
  const out = { ...bounds.defaults };
  for (const [key, value] of Object.entries(requested) as [LimitKey, number | undefined][]) {
    if (value !== undefined) out[key] = Math.max(LIMIT_MINIMA[key], Math.min(value, bounds.maxima[key]));
  }
  // Unless asked for, the CPU-time limit is what the wall-clock limit allows on the run's CPUs
  // (so it never cuts a batch run short); interactive runs use it as their real time limit.
  if (requested.cpuTimeMs === undefined) out.cpuTimeMs = impliedCpuMs(out.timeoutMs, out.cpus);
  if (requested.compileCpuTimeMs === undefined) out.compileCpuTimeMs = impliedCpuMs(out.compileTimeoutMs, out.cpus);
  return out;
}

/** CPU time that `wallMs` of wall-clock time allows on `cpus` CPUs. */
export function impliedCpuMs(wallMs: number, cpus: number): number {
  return Math.ceil(wallMs * Math.max(1, cpus));
}
