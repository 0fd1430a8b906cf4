import { nanoid } from "nanoid";
import semver from "semver";
import { env } from "../env";
import { log } from "../log";
import { type JobResult, type JobStage, SandboxBox } from "./box";
import { SandboxFault, ValidationError } from "./errors";
import { imageFor } from "./images";
import { findLanguage, isCompiled, LANGUAGES, type Language } from "./languages";
import { type Limits, resolveLimits } from "./limits";
import type { PoolSpec } from "./pool";
import { decodeFiles, type ExecuteRequest, parseExecuteRequest } from "./request";
import { pool, slots } from "./runtime-state";
import { runStatus, stageSucceeded, toStageResult } from "./stage-result";
import type { ExecutionEvent, ExecutionResult, StageName, StageResult } from "./types";

export interface ExecuteOptions {
  /** Aborting kills the program at once (the Stop button). */
  signal?: AbortSignal;
  onEvent?: (event: ExecutionEvent) => void;
  /** Labels the container, so a run row and its container can be matched. */
  runId?: string;
}

/** Processes the compile stage may use at least: compilers and the JVM are thread-hungry. */
const COMPILE_MIN_PIDS = 128;

/** Whether `version` satisfies a Piston-style selector: "*", an exact version, or a semver range. */
export function versionMatches(version: string, selector: string): boolean {
  const s = selector.trim();
  if (s === "" || s === "*" || s === "latest" || s === version) return true;
  const coerced = semver.coerce(version)?.version;
  if (!coerced) return false;
  try {
    return semver.satisfies(coerced, s);
  } catch {
    return false;
  }
}

/** Resolve language, image and version; every failure here is the caller's to fix. */
export function resolveRuntime(req: Pick<ExecuteRequest, "language" | "version">) {
  const language = findLanguage(req.language);
  if (!language) {
    const known = LANGUAGES.map((l) => l.id).join(", ");
    throw new ValidationError(`Unknown language "${req.language}". Runbox runs: ${known}.`, {
      language: `Unknown language "${req.language}".`,
    });
  }
  const { image, version } = imageFor(language.id);
  if (!versionMatches(version, req.version)) {
    throw new ValidationError(`${language.name} here is version ${version}, which does not match "${req.version}".`, {
      version: `Available: ${version}.`,
    });
  }
  return { language, image, version };
}

function jobEnv(language: Language, userEnv: Record<string, string>): string[] {
  const vars: Record<string, string> = {
    PATH: "/usr/local/bin:/usr/bin:/bin",
    HOME: "/tmp",
    TMPDIR: "/tmp",
    LANG: "C.UTF-8",
    ...userEnv,
    ...language.env,
  };
  return Object.entries(vars).map(([k, v]) => `${k}=${v}`);
}

/**
 * Run a program in a fresh, locked-down container and report each stage. A program that
 * fails, times out or runs out of memory is a normal result; only faults around it throw
 * (ValidationError, SandboxBusy, SandboxUnavailable, SandboxFault).
 */
export async function execute(input: unknown, opts: ExecuteOptions = {}): Promise<ExecutionResult> {
  const started = Date.now();
  return withCompiledBox(parseExecuteRequest(input), 1, opts, async (ctx) => {
    const base = { language: ctx.language.id, version: ctx.version, limits: ctx.limits };
    const { compile } = ctx;
    if (compile && !stageSucceeded(compile)) {
      const status = opts.signal?.aborted ? "stopped" : runStatus(compile, undefined);
      return { ...base, status, compile, wallTimeMs: Date.now() - started };
    }
    const runJob = { argv: ctx.plan.run, timeoutMs: ctx.limits.timeoutMs, stdin: ctx.req.stdin, required: false };
    const run = await runStage(ctx.box, "run", ctx.env, runJob, ctx.limits, opts);
    const status = opts.signal?.aborted ? "stopped" : runStatus(compile, run);
    return { ...base, status, compile, run, wallTimeMs: Date.now() - started };
  });
}

export interface BatchResult {
  language: string;
  version: string;
  limits: Limits;
  compile?: StageResult;
  /** One result per input, in order; null for inputs that never ran (compilation failed). */
  runs: (StageResult | null)[];
  wallTimeMs: number;
}

/**
 * Compile once, then run the program once per input, each as a fresh process in the same
 * container (the judge). The container serves this one submission only and is removed after.
 */
export async function executeBatch(input: unknown, stdins: string[], opts: ExecuteOptions = {}): Promise<BatchResult> {
  const started = Date.now();
  return withCompiledBox(parseExecuteRequest(input), stdins.length, opts, async (ctx) => {
    const base = { language: ctx.language.id, version: ctx.version, limits: ctx.limits, compile: ctx.compile };
    if (ctx.compile && !stageSucceeded(ctx.compile)) {
      return { ...base, runs: stdins.map(() => null), wallTimeMs: Date.now() - started };
    }
    const jobs = stdins.map((stdin) => ({
      argv: ctx.plan.run,
      timeoutMs: ctx.limits.timeoutMs,
      stdin,
      required: false,
    }));
    const result = await ctx.box.runJob(ctx.env, jobs, {
      outputLimitBytes: ctx.limits.outputKb * 1024,
      signal: opts.signal,
    });
    const containerOom = result.containerDied || result.deadlineExceeded ? await ctx.box.oomKilled() : false;
    const runs = result.stages.map((run) =>
      run.started || run.report
        ? toStageResult(run, { deadlineExceeded: result.deadlineExceeded, containerOom })
        : null,
    );
    return { ...base, runs, wallTimeMs: Date.now() - started };
  });
}

interface BoxContext {
  req: ExecuteRequest;
  language: Language;
  version: string;
  limits: Limits;
  plan: ReturnType<Language["plan"]>;
  env: string[];
  box: SandboxBox;
  compile?: StageResult;
}

/**
 * The shared life of a sandbox: take a slot, open a container sized for `runs` runs, put the
 * files in, compile when the language needs it (then narrow limits to the run's), hand over,
 * and always remove the container and free the slot.
 */
async function withCompiledBox<T>(
  req: ExecuteRequest,
  runs: number,
  opts: ExecuteOptions,
  use: (ctx: BoxContext) => Promise<T>,
): Promise<T> {
  const { language, image, version } = resolveRuntime(req);
  const limits = resolveLimits(req.limits);
  const decoded = decodeFiles(req.files, language.defaultFile);
  const files = language.prepare ? language.prepare(decoded) : decoded;
  const plan = language.plan(files, req.args);
  const envVars = jobEnv(language, req.env);

  const release = await slots().acquire(opts.signal);
  try {
    const budget = (plan.compile ? limits.compileTimeoutMs : 0) + limits.timeoutMs * Math.max(1, runs);
    const spec = boxSpec(image, limits, Boolean(plan.compile), req.network);
    const box =
      pool().take(spec) ??
      (await SandboxBox.open({ ...spec, runId: opts.runId ?? nanoid(), deadline: Date.now() + budget + 60_000 }));
    try {
      await box.putFiles(files);
      let compile: StageResult | undefined;
      if (plan.compile) {
        const job = { argv: plan.compile, timeoutMs: limits.compileTimeoutMs, stdin: "", required: true };
        compile = await runStage(box, "compile", envVars, job, limits, opts);
        if (stageSucceeded(compile)) await narrowForRun(box, limits);
      }
      return await use({ req, language, version, limits, plan, env: envVars, box, compile });
    } finally {
      // Removal happens in the background: the answer does not wait for Docker's cleanup,
      // and the reaper catches anything a crash leaves.
      void box.destroy();
    }
  } finally {
    release();
  }
}

/** The container a run of these limits needs; pooled containers are made from the same. */
export function boxSpec(image: string, limits: Limits, compiled: boolean, network: boolean): PoolSpec {
  return {
    image,
    memoryMb: compiled ? Math.max(limits.compileMemoryMb, limits.memoryMb) : limits.memoryMb,
    pids: compiled ? Math.max(limits.pids, COMPILE_MIN_PIDS) : limits.pids,
    cpus: limits.cpus,
    tmpMb: limits.tmpMb,
    nofile: limits.nofile,
    network,
    runtime: env().RUNBOX_RUNTIME,
  };
}

/** The spec of a language at default limits (what the pool prewarms). */
export function defaultSpec(languageId: string): PoolSpec {
  const language = findLanguage(languageId);
  if (!language) throw new Error(`unknown language ${languageId}`);
  return boxSpec(imageFor(language.id).image, resolveLimits({}), isCompiled(language), false);
}

/** After compiling, lower memory and pids to the run's own limits. */
async function narrowForRun(box: SandboxBox, limits: Limits): Promise<void> {
  try {
    await box.narrow(limits.memoryMb, limits.pids, env().RUNBOX_RUNTIME);
  } catch (err) {
    // The kernel refuses to shrink below current usage; the run then keeps the compile limit.
    log.warn({ err }, "could not narrow limits after compiling");
  }
}

async function runStage(
  box: SandboxBox,
  stage: StageName,
  envVars: string[],
  job: JobStage,
  limits: Limits,
  opts: ExecuteOptions,
): Promise<StageResult> {
  const emit = opts.onEvent ?? (() => {});
  const result: JobResult = await box.runJob(envVars, [job], {
    outputLimitBytes: limits.outputKb * 1024,
    signal: opts.signal,
    onStageStart: () => emit({ type: "stage", stage }),
    onOutput: (_i, stream, text) => emit({ type: "output", stage, stream, text }),
  });
  const run = result.stages[0];
  if (!run) throw new Error("runJob returned no stage");
  const containerOom =
    result.containerDied || result.deadlineExceeded || run.report?.signal === 9 ? await box.oomKilled() : false;
  const stageResult = toStageResult(run, { deadlineExceeded: result.deadlineExceeded, containerOom });
  if (result.containerDied && !containerOom && !run.report) {
    log.error({ diagnostics: box.diagnostics }, "sandbox container ended unexpectedly");
    throw new SandboxFault("The sandbox stopped unexpectedly before the program finished.");
  }
  emit({ type: "stage-end", stage, result: stageResult });
  return stageResult;
}
