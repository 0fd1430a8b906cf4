import type { ExecuteRequestInput, LimitBounds } from "../sandbox";
import { LIMIT_MINIMA } from "../sandbox/limits";
import { JobeError } from "./errors";
import { javaFileName } from "./languages";
import { memoryLimitFile } from "./memory-limit-file";
import type { JobeRunSpec } from "./run-spec";
import { splitArgs } from "./shell-words";

/** Jobe's defaults: 5 s of CPU, killed after twice that in wall-clock time; 2 MB per stream. */
export const JOBE_DEFAULT_CPUTIME_S = 5;
const JOBE_DEFAULT_STREAM_MB = 2;
/** Java runs get at least this much memory: Jobe leaves the JVM unlimited and sets -Xmx200m. */
const JAVA_MIN_MEMORY_MB = 512;

/** The largest cputime (s) a run may ask for here: what the wall-clock maximum allows on one CPU. */
export function maxCputimeSecs(bounds: LimitBounds): number {
  return Math.floor(bounds.maxima.timeoutMs / 1000);
}

const clamp = (v: number, min: number, max: number) => Math.max(min, Math.min(max, v));

/** Runbox limits for Jobe's parameters: each clamped into what the server allows, as Jobe clamps. */
function limitsFor(spec: JobeRunSpec, bounds: LimitBounds): NonNullable<ExecuteRequestInput["limits"]> {
  const { defaults, maxima } = bounds;
  const p = spec.parameters;
  const maxCpu = maxCputimeSecs(bounds);
  const asked = p.cputime !== undefined && p.cputime > 0 ? p.cputime : Math.min(JOBE_DEFAULT_CPUTIME_S, maxCpu);
  const cpuTimeMs = clamp(Math.round(asked * 1000), LIMIT_MINIMA.cpuTimeMs, maxima.cpuTimeMs);
  const limits: NonNullable<ExecuteRequestInput["limits"]> = {
    cpuTimeMs,
    timeoutMs: clamp(2 * cpuTimeMs, LIMIT_MINIMA.timeoutMs, maxima.timeoutMs),
    outputKb: clamp(
      Math.round((p.streamsize !== undefined && p.streamsize > 0 ? p.streamsize : JOBE_DEFAULT_STREAM_MB) * 1000),
      LIMIT_MINIMA.outputKb,
      maxima.outputKb,
    ),
  };
  // Memory and processes only when asked, so most runs share the warm pool's default containers.
  if (spec.language.id === "java") {
    limits.memoryMb = clamp(Math.max(defaults.memoryMb, JAVA_MIN_MEMORY_MB), LIMIT_MINIMA.memoryMb, maxima.memoryMb);
  } else if (p.memorylimit !== undefined) {
    limits.memoryMb =
      p.memorylimit <= 0 ? maxima.memoryMb : clamp(Math.round(p.memorylimit), LIMIT_MINIMA.memoryMb, maxima.memoryMb);
  }
  // The JVM needs its threads whatever numprocs says (Jobe raises it to 256 for Java).
  if (p.numprocs !== undefined && p.numprocs > 0 && !(spec.language.id === "java" && p.numprocs < defaults.pids))
    limits.pids = clamp(Math.round(p.numprocs), LIMIT_MINIMA.pids, maxima.pids);
  return limits;
}

/** The file the program is written to: the run spec's name, else Jobe's default for the language. */
export function sourceFileName(spec: JobeRunSpec): string {
  const { language } = spec;
  let name =
    spec.sourcefilename ?? (language.id === "java" ? javaFileName(spec.sourcecode) : undefined) ?? language.defaultFile;
  // Jobe compiles C and C++ with "-x c" and friends whatever the name; Runbox's plan compiles
  // files by extension, so a name without one gets it.
  const exts = language.sourceExtensions;
  if (exts && !exts.some((e) => name.toLowerCase().endsWith(e))) name += exts[0];
  return name;
}

function words(list: string[] | undefined, fallback: string[] | undefined, what: string): string[] | undefined {
  const source = list ?? fallback;
  if (source === undefined) return undefined;
  const split = splitArgs(source);
  if (!split.ok) throw new JobeError(400, `${what}: ${split.error}`);
  return split.words;
}

/**
 * A validated Jobe run spec and its support files → the input of a Runbox request (still to be
 * validated by engine.parse). Throws JobeError(400) for a cputime over the maximum or arguments
 * that only a shell could give their meaning.
 */
export function toExecuteInput(
  spec: JobeRunSpec,
  supportFiles: { name: string; content: Buffer }[],
  bounds: LimitBounds,
): ExecuteRequestInput {
  const maxCpu = maxCputimeSecs(bounds);
  if (Math.trunc(spec.parameters.cputime ?? 0) > maxCpu)
    throw new JobeError(400, `cputime exceeds maximum allowed on this Jobe server (${maxCpu} secs)`);
  const p = spec.parameters;
  const { language } = spec;
  const limits = limitsFor(spec, bounds);
  const compiled = language.id === "c" || language.id === "cpp" || language.id === "java";
  // Jobe gives compile and link arguments only to compilers; an explicit [] means none at all.
  const compileArgs = compiled ? words(p.compileargs, language.compileargs, "compileargs") : undefined;
  // Without linkargs Jobe links no libraries; Runbox's default (-lm) stays then: it only adds.
  const linkArgs = compiled ? words(p.linkargs, undefined, "linkargs") : undefined;
  let interpreterArgs = words(p.interpreterargs, language.interpreterargs, "interpreterargs") ?? [];
  let args = words(p.runargs, [], "runargs") ?? [];
  // Jobe runs "./prog <interpreterargs> <runargs>" for C and C++: arguments of the program.
  if (language.id === "c" || language.id === "cpp") {
    args = [...interpreterArgs, ...args];
    interpreterArgs = [];
  }

  const files: NonNullable<ExecuteRequestInput["files"]> = [
    { name: sourceFileName(spec), content: spec.sourcecode, encoding: "utf8" },
    ...supportFiles.map((f) => ({ name: f.name, content: f.content.toString("base64"), encoding: "base64" as const })),
  ];
  // Jobe's memorylimit is an address-space limit (malloc fails); 0 turns it off.
  if (p.memorylimit === undefined || p.memorylimit > 0) {
    const limitFile = memoryLimitFile(language.id, limits.memoryMb ?? bounds.defaults.memoryMb, compileArgs ?? []);
    if (limitFile) files.push(limitFile);
  }

  return {
    language: language.runbox,
    files,
    stdin: spec.input,
    args,
    limits,
    toolchain: {
      ...(compileArgs ? { compileArgs } : {}),
      ...(linkArgs ? { linkArgs } : {}),
      ...(interpreterArgs.length > 0 ? { interpreterArgs } : {}),
    },
  };
}
