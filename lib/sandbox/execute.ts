import { nanoid } from "nanoid";
import { log } from "../log";
import type { JobResult, SandboxBox } from "./box";
import { hostPidsLimit } from "./container-spec";
import type { Engine } from "./engine";
import { SandboxFault } from "./errors";
import type { JobFile, JobStageSpec, StageFlag } from "./frames";
import type { Language, SourceFile, StagePlan } from "./languages";
import { impliedCpuMs, type Limits } from "./limits";
import { runStatus, stageSucceeded, toStageResult } from "./outcome";
import { decodeFiles, type ExecuteRequest, fileNameProblem } from "./request";
import { sniffType } from "./sniff";
import type { ExecutionEvent, ExecutionResult, OutputFile, StageName, StageResult } from "./types";

export interface ExecuteOptions {
  /** Aborting kills the program at once (the Stop button). */
  signal?: AbortSignal;
  onEvent?: (event: ExecutionEvent) => void;
  /** Labels the container, so a run row and its container can be matched. */
  runId?: string;
  /** Hand back the files the program writes under /box/out (capped by the engine's outputFiles). */
  collectFiles?: boolean;
  /** Filled with where the time went (ms): queue, take, compile, narrow, job, program (the benchmark reads it). */
  timings?: Record<string, number>;
}

/** Time `fn` into `timings[name]` (added up when a phase happens twice). */
async function timed<T>(timings: Record<string, number> | undefined, name: string, fn: () => Promise<T>): Promise<T> {
  if (!timings) return fn();
  const t0 = performance.now();
  try {
    return await fn();
  } finally {
    timings[name] = (timings[name] ?? 0) + performance.now() - t0;
  }
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

const MB = 1024 * 1024;

/** Everything a run needs, worked out before a slot or container is taken. */
export interface Prepared {
  language: Language;
  version: string;
  limits: Limits;
  files: JobFile[];
  plan: StagePlan;
  /** The toolchain's environment (compile) and the program's (run: the request's variables too). */
  compileEnv: string[];
  runEnv: string[];
  image: string;
}

function environment(language: Language, userEnv: Record<string, string>): string[] {
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

export function prepare(engine: Engine, req: ExecuteRequest): Prepared {
  const { language, image, version } = engine.resolveRuntime(req);
  const limits = engine.limitsFor(req);
  const decoded: SourceFile[] = decodeFiles(req.files, language.defaultFile);
  const files = language.prepare ? language.prepare(decoded) : decoded;
  return {
    language,
    version,
    limits,
    image,
    files: files.map((f) => ({ name: f.name, content: f.content })),
    plan: language.plan(files, req.args, req.toolchain),
    // The request's variables reach the program only: a compiler reading them (GCC_EXEC_PREFIX,
    // JAVA_TOOL_OPTIONS…) would run the user's code with the compile stage's larger limits.
    compileEnv: environment(language, {}),
    runEnv: environment(language, req.env),
  };
}

/** A stage for rbrun; CPU time is only watched when it is tighter than the wall clock implies. */
export function stageSpec(p: Prepared, kind: StageName, flags: StageFlag[], stdin: string): JobStageSpec {
  const { limits } = p;
  const timeoutMs = kind === "compile" ? limits.compileTimeoutMs : limits.timeoutMs;
  const cpuMs = kind === "compile" ? limits.compileCpuTimeMs : limits.cpuTimeMs;
  return {
    flags,
    timeoutMs,
    cpuMs: cpuMs < impliedCpuMs(timeoutMs, limits.cpus) ? cpuMs : 0,
    idleMs: 0,
    outputLimit: limits.outputKb * 1024,
    outFilesMax: 0,
    outBytesMax: 0,
    env: kind === "compile" ? p.compileEnv : p.runEnv,
    argv: kind === "compile" ? (p.plan.compile ?? []) : p.plan.run,
    stdin,
  };
}

const DEFAULT_OUTPUT_FILES = { maxFiles: 8, maxBytes: 4 * 1024 * 1024 };

/** The run stage, asking rbrun for the files under /box/out when the caller wants them. */
export function runStage(
  engine: Engine,
  p: Prepared,
  opts: ExecuteOptions,
  flags: StageFlag[],
  stdin: string,
): JobStageSpec {
  const spec = stageSpec(p, "run", flags, stdin);
  if (!opts.collectFiles) return spec;
  const caps = engine.config.outputFiles ?? DEFAULT_OUTPUT_FILES;
  return { ...spec, flags: [...flags, "collect"], outFilesMax: caps.maxFiles, outBytesMax: caps.maxBytes };
}

/** rbrun's files → what a result carries: names checked, types sniffed from the bytes, base64. */
function outputFiles(files: { name: string; content: Buffer }[]): { files: OutputFile[]; refused: number } {
  const out: OutputFile[] = [];
  let refused = 0;
  for (const f of files) {
    if (fileNameProblem(f.name) || f.name.split("/").some((s) => s.startsWith("."))) {
      refused++;
      continue;
    }
    out.push({
      name: f.name,
      size: f.content.length,
      type: sniffType(f.content),
      content: f.content.toString("base64"),
    });
  }
  return { files: out.sort((a, b) => a.name.localeCompare(b.name)), refused };
}

/** A run that wrote more files than the caps allow: an output-limit status with a sentence. */
export function filesVerdict(run: StageResult | undefined, engine: Engine): { message: string } | undefined {
  if (!run?.filesDropped) return undefined;
  const caps = engine.config.outputFiles ?? DEFAULT_OUTPUT_FILES;
  const kept = run.files?.length ?? 0;
  return {
    message: `The program wrote more files under /box/out than a run may hand back (${caps.maxFiles} files, ${caps.maxBytes / 1024 / 1024} MB in all): ${kept} kept, ${run.filesDropped} left out.`,
  };
}

/** Hold one run slot for the whole of `use` (queue position events while waiting). */
export async function withSlot<T>(engine: Engine, opts: ExecuteOptions, use: () => Promise<T>): Promise<T> {
  const emit = opts.onEvent;
  const release = await timed(opts.timings, "queue", () =>
    engine.slots.acquire(opts.signal, emit ? (position) => emit({ type: "queued", position }) : undefined),
  );
  try {
    return await use();
  } finally {
    release();
  }
}

/** A container for `use`, always given back (removed in the background) afterwards. */
async function withBox<T>(
  engine: Engine,
  p: Prepared,
  network: boolean,
  kind: { compiled: boolean; runs: number },
  opts: ExecuteOptions,
  use: (box: SandboxBox) => Promise<T>,
): Promise<T> {
  const budget = (kind.compiled ? p.limits.compileTimeoutMs : 0) + p.limits.timeoutMs * Math.max(1, kind.runs);
  const spec = engine.boxSpec(p.image, p.limits, kind.compiled, network);
  const box = await timed(opts.timings, "take", () => engine.takeBox(spec, opts.runId ?? nanoid(), budget));
  try {
    return await use(box);
  } finally {
    engine.release(box);
  }
}

/**
 * Compile in a container with the compile stage's limits, then hand back what the run needs:
 * either the same container, its limits lowered ("update"), or a fresh container made with the
 * run's limits that receives the compiled files ("fresh-container", gVisor). `run` gets the
 * container and the files still to write. The program never runs with the compile limits.
 */
export async function compileThen<T>(
  engine: Engine,
  p: Prepared,
  network: boolean,
  runs: number,
  opts: ExecuteOptions,
  compiled: (compile: StageResult) => T,
  refused: (compile: StageResult, message: string) => T,
  run: (box: SandboxBox, files: JobFile[], compile: StageResult | undefined) => Promise<T>,
): Promise<T> {
  if (!p.plan.compile)
    return withBox(engine, p, network, { compiled: false, runs }, opts, (box) => run(box, p.files, undefined));
  const apart = engine.compilesApart;
  const flags: StageFlag[] = apart ? ["required", "scrubAfter", "artifacts"] : ["required", "scrubAfter"];
  type Outcome = { kind: "done"; value: T } | { kind: "move"; compile: StageResult; artifacts: JobFile[] };
  const done = (value: T): Outcome => ({ kind: "done", value });
  const outcome = await withBox(
    engine,
    p,
    network,
    { compiled: true, runs: apart ? 0 : runs },
    opts,
    async (box): Promise<Outcome> => {
      const c = await job(box, p.files, [stageSpec(p, "compile", flags, "")], ["compile"], opts);
      const compile = c.results[0];
      if (!compile) throw new SandboxFault("The compiler did not report.");
      if (!stageSucceeded(compile) || opts.signal?.aborted) return done(compiled(compile));
      if (apart) {
        const artifacts = c.raw.stages[0]?.artifacts ?? [];
        if (c.raw.stages[0]?.report?.artifactsDropped)
          return done(refused(compile, "The compiled program is too large to run (over 256 MB of compiled files)."));
        return { kind: "move", compile, artifacts };
      }
      const problem = await timed(opts.timings, "narrow", () => narrowForRun(engine, box, p.limits));
      if (problem) return done(refused(compile, problem));
      return done(await run(box, [], compile));
    },
  );
  if (outcome.kind === "done") return outcome.value;
  return withBox(engine, p, network, { compiled: false, runs }, opts, (box) =>
    run(box, [...p.files, ...outcome.artifacts], outcome.compile),
  );
}

/** Run one job and turn its stages into results; a container that died without reason is a fault. */
export async function job(
  box: SandboxBox,
  files: JobFile[],
  stages: JobStageSpec[],
  names: StageName[],
  opts: ExecuteOptions,
  onJobWritten?: () => void,
): Promise<{ results: (StageResult | null)[]; raw: JobResult }> {
  const emit = opts.onEvent ?? (() => {});
  const raw = await timed(opts.timings, names[0] === "compile" ? "compile" : "job", () =>
    box.runJob(
      { files, stages },
      {
        signal: opts.signal,
        onStageStart: (i) => emit({ type: "stage", stage: names[i] ?? "run" }),
        onOutput: (i, stream, text) => emit({ type: "output", stage: names[i] ?? "run", stream, text }),
        onJobWritten,
      },
    ),
  );
  if (opts.timings && names[0] !== "compile")
    opts.timings.program = raw.stages.reduce((n, s) => n + (s.report?.wallMs ?? 0), 0);
  const killedBySignal9 = raw.stages.some((s) => s.report?.signal === 9);
  const containerOom =
    raw.containerDied || raw.deadlineExceeded || killedBySignal9 ? await box.oomKilled().catch(() => false) : false;
  const results = raw.stages.map((s) => {
    if (!s.started && !s.report) return null;
    const r = toStageResult(s, { deadlineExceeded: raw.deadlineExceeded, containerOom });
    if (s.files.length > 0 || s.report?.filesDropped) {
      const { files, refused } = outputFiles(s.files);
      r.files = files;
      const dropped = (s.report?.filesDropped ?? 0) + refused;
      if (dropped > 0) r.filesDropped = dropped;
    }
    return r;
  });
  const lost = raw.stages.some((s) => s.started && !s.report);
  if (raw.containerDied && !containerOom && lost) {
    log.error({ diagnostics: box.diagnostics }, "sandbox container ended unexpectedly");
    throw new SandboxFault(
      (await box.engineAnswers())
        ? "The sandbox stopped unexpectedly before the program finished."
        : "The Docker engine running this program stopped answering before it finished; run it again.",
      { diagnostics: box.diagnostics },
    );
  }
  results.forEach((r, i) => {
    if (r) emit({ type: "stage-end", stage: names[i] ?? "run", result: r });
  });
  return { results, raw };
}

/** A run stage that never started because its limits could not be applied. */
export function notStarted(message: string): StageResult {
  return {
    stdout: "",
    stderr: "",
    output: "",
    exitCode: null,
    signal: null,
    timedOut: false,
    outOfMemory: true,
    outputTruncated: false,
    wallTimeMs: 0,
    cpuTimeMs: null,
    memoryBytes: null,
    message,
  };
}

/**
 * After compiling, lower memory and pids to the run's own limits. If Docker or the kernel
 * refuses (the kernel will not shrink below what is in use), the program must not run with
 * the compile stage's limits: the answer says why instead.
 */
async function narrowForRun(engine: Engine, box: SandboxBox, limits: Limits): Promise<string | undefined> {
  const spec = box.spec;
  if (spec.memoryMb === limits.memoryMb && spec.pids === limits.pids) return undefined;
  try {
    await box.narrow(limits.memoryMb * MB, hostPidsLimit(limits.pids, engine.config.runtime));
    return undefined;
  } catch (err) {
    log.warn({ err }, "could not narrow limits after compiling");
    return `The program was not started: its memory limit of ${limits.memoryMb} MB could not be applied after compiling (the compiler's files already use more). Raise the memory limit and run it again.`;
  }
}

/** Compile (when the language needs it), then run; the result of one program run. */
export async function runProgram(engine: Engine, req: ExecuteRequest, given: ExecuteOptions): Promise<ExecutionResult> {
  const started = Date.now();
  const p = prepare(engine, req);
  // Always timed: the observers hear how long the run waited for a slot.
  const opts = { ...given, timings: given.timings ?? {} };
  const base = { language: p.language.id, version: p.version, limits: p.limits };
  const finish = (
    compile: StageResult | undefined,
    run: StageResult | undefined,
    status = runStatus(compile, run),
  ) => ({
    ...base,
    status: opts.signal?.aborted ? ("stopped" as const) : status,
    ...(compile ? { compile } : {}),
    ...(run ? { run } : {}),
    wallTimeMs: Date.now() - started,
  });
  return engine.observers.watch(
    "run",
    p.language.id,
    opts.timings,
    (r) => r.status,
    () =>
      withSlot(engine, opts, () =>
        compileThen(
          engine,
          p,
          req.network,
          1,
          opts,
          (compile) => finish(compile, undefined),
          (compile, message) => finish(compile, notStarted(message), "memory_limit"),
          async (box, files, compile) => {
            const r = await job(box, files, [runStage(engine, p, opts, [], req.stdin)], ["run"], opts);
            const run = r.results[0] ?? undefined;
            const tooMany = filesVerdict(run, engine);
            if (run && tooMany) return finish(compile, { ...run, message: tooMany.message }, "output_limit");
            return finish(compile, run);
          },
        ),
      ),
  );
}

/**
 * Compile once, then run the program once per input, each as a fresh process that starts
 * from the same clean files: /box, /tmp and /dev/shm as they were before the first test, so
 * nothing one test wrote (a hidden input, say) reaches the next.
 */
export async function runBatch(
  engine: Engine,
  req: ExecuteRequest,
  stdins: string[],
  given: ExecuteOptions,
): Promise<BatchResult> {
  const started = Date.now();
  const p = prepare(engine, req);
  const opts = { ...given, timings: given.timings ?? {} };
  // A judging's status is its compile stage's (the tests' verdicts are the judge's business).
  const batchStatus = (b: BatchResult) => (b.compile && !stageSucceeded(b.compile) ? "compile_error" : "ok");
  const base = { language: p.language.id, version: p.version, limits: p.limits };
  const result = (compile: StageResult | undefined, runs: (StageResult | null)[]): BatchResult => ({
    ...base,
    ...(compile ? { compile } : {}),
    runs,
    wallTimeMs: Date.now() - started,
  });
  return engine.observers.watch("batch", p.language.id, opts.timings, batchStatus, () =>
    withSlot(engine, opts, () =>
      compileThen(
        engine,
        p,
        req.network,
        stdins.length,
        opts,
        (compile) =>
          result(
            compile,
            stdins.map(() => null),
          ),
        (compile, message) =>
          result(
            compile,
            stdins.map(() => notStarted(message)),
          ),
        async (box, files, compile) => {
          if (stdins.length === 0) return result(compile, []);
          const stages = stdins.map((stdin) => stageSpec(p, "run", ["fresh"], stdin));
          const r = await job(
            box,
            files,
            stages,
            stages.map(() => "run"),
            { ...opts, onEvent: undefined },
          );
          return result(compile, r.results);
        },
      ),
    ),
  );
}
