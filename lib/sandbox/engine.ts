import { nanoid } from "nanoid";
import { log } from "../log";
import { Removals, SandboxBox } from "./box";
import { DockerBackend, type DockerEndpoint, type SandboxBackend } from "./docker";
import { SandboxUnavailable, ValidationError } from "./errors";
import { type BatchResult, type ExecuteOptions, runBatch, runProgram } from "./execute";
import { type ImageManifest, readImageManifest } from "./images";
import { type InteractiveOptions, type InteractiveRun, startInteractive } from "./interactive";
import { findLanguage, isCompiled, LANGUAGES, type Language } from "./languages";
import type { LimitBounds, Limits } from "./limits";
import { resolveLimits } from "./limits";
import { type PoolOptions, type PoolSpec, WarmPool } from "./pool";
import { Reaper } from "./reaper";
import { type ExecuteRequest, parseExecuteRequest, type RequestRules } from "./request";
import { Slots } from "./slots";
import type { ExecutionResult } from "./types";
import { versionMatches } from "./version";

/** Everything an Engine needs, decided once by whoever builds it (the app from its env, a test by hand). */
export interface EngineConfig {
  /** Names this Runbox instance on its containers; unique per process sharing a Docker engine. */
  instanceId: string;
  /** The Docker engine; absent: DOCKER_HOST or the default socket. */
  docker?: DockerEndpoint;
  /** Docker runtime for sandboxes ("" = Docker's default; "runsc" = gVisor). */
  runtime: string;
  /**
   * How a compiled program gets the run's (smaller) limits after compiling: "update" lowers
   * them on the same container (one Docker call); "fresh-container" runs it in a second
   * container made with the run's limits, its compiled files brought over by rbrun (gVisor
   * cannot update a running container). Default: by runtime.
   */
  narrowing?: "update" | "fresh-container";
  allowNetwork: boolean;
  bounds: LimitBounds;
  slots: { capacity: number; queueLimit: number; queueTimeoutMs: number };
  pool: PoolOptions & { prewarm: string[] };
  /** Where scripts/images.sh wrote which image each language has (or the manifest itself, in tests). */
  imagesManifest: string | ImageManifest;
  reaper: { intervalMs: number; isInstanceGone?: (instanceId: string) => Promise<boolean> };
}

/** Processes the compile stage may use at least: compilers and the JVM are thread-hungry. */
const COMPILE_MIN_PIDS = 128;

/**
 * The sandbox engine: owns its Docker client, run slots, warm pool, reaper and configuration.
 * Built once (by the app from its environment, or by a test with its own settings) and passed
 * to whoever runs programs; nothing in it reads the environment.
 */
export class Engine {
  readonly slots: Slots;
  readonly pool: WarmPool;
  readonly reaper: Reaper;
  readonly removals = new Removals();
  readonly startedAt = Date.now();
  /** Containers of this engine that are running a program now. */
  private readonly active = new Set<string>();

  constructor(
    readonly config: EngineConfig,
    readonly backend: SandboxBackend = new DockerBackend(config.docker),
  ) {
    this.slots = new Slots(config.slots.capacity, config.slots.queueLimit, config.slots.queueTimeoutMs);
    this.pool = new WarmPool(config.pool, {
      open: (spec, maxAgeMs) => this.openBox(spec, `pool-${nanoid(10)}`, maxAgeMs + 10 * 60_000),
      // Start containers only while a slot is free and nobody waits: runs come first.
      canRefill: () => {
        const s = this.slots.stats;
        return s.active < s.capacity && s.queued === 0;
      },
      onError: (err) => log.warn({ err }, "could not start a warm container"),
    });
    this.reaper = new Reaper(this.backend, {
      instanceId: config.instanceId,
      startedAt: this.startedAt,
      inUse: () => new Set([...this.active, ...this.pool.idleIds()]),
      isInstanceGone: config.reaper.isInstanceGone,
      onError: (err) => log.warn({ err }, "reaper could not remove a sandbox container"),
    });
  }

  /** What requests are validated against (the edge calls parse with these). */
  get rules(): RequestRules {
    return { bounds: this.config.bounds, allowNetwork: this.config.allowNetwork };
  }

  /** Validate a request at the edge: a ValidationError with readable messages, or a request the engine accepts. */
  parse(input: unknown): ExecuteRequest {
    return parseExecuteRequest(input, this.rules);
  }

  images(): ImageManifest {
    const m = this.config.imagesManifest;
    return typeof m === "string" ? readImageManifest(m) : m;
  }

  /** Language, image and version for a request; every failure here is the caller's to fix. */
  resolveRuntime(req: Pick<ExecuteRequest, "language" | "version">): {
    language: Language;
    image: string;
    version: string;
  } {
    const language = findLanguage(req.language);
    if (!language) {
      const known = LANGUAGES.map((l) => l.id).join(", ");
      throw new ValidationError(`Unknown language "${req.language}". Runbox runs: ${known}.`, {
        language: `Unknown language "${req.language}".`,
      });
    }
    const entry = this.images()[language.id];
    if (!entry) {
      throw new SandboxUnavailable(
        `The ${language.id} sandbox image has not been built yet; run "npm start" to build it.`,
      );
    }
    if (!versionMatches(entry.version, req.version)) {
      throw new ValidationError(
        `${language.name} here is version ${entry.version}, which does not match "${req.version}".`,
        {
          version: `Available: ${entry.version}.`,
        },
      );
    }
    return { language, image: entry.image, version: entry.version };
  }

  /** Whether compiled programs run in a second container (see EngineConfig.narrowing). */
  get compilesApart(): boolean {
    return (
      (this.config.narrowing ?? (this.config.runtime === "runsc" ? "fresh-container" : "update")) === "fresh-container"
    );
  }

  limitsFor(req: Pick<ExecuteRequest, "limits">): Limits {
    return resolveLimits(req.limits, this.config.bounds);
  }

  /** Run a program (compile, then run) in a fresh, locked-down container. */
  execute(req: ExecuteRequest, opts: ExecuteOptions = {}): Promise<ExecutionResult> {
    return runProgram(this, req, opts);
  }

  /** Start a program whose input arrives while it runs (a terminal, Piston's /connect). */
  interactive(req: ExecuteRequest, opts: InteractiveOptions): InteractiveRun {
    return startInteractive(this, req, opts);
  }

  /** Compile once, then run once per input, each from the same clean files (the judge). */
  executeBatch(req: ExecuteRequest, stdins: string[], opts: ExecuteOptions = {}): Promise<BatchResult> {
    return runBatch(this, req, stdins, opts);
  }

  /** The container a run of these limits needs; pooled containers are made from the same. */
  boxSpec(image: string, limits: Limits, compiled: boolean, network: boolean): PoolSpec {
    return {
      image,
      memoryMb: compiled ? Math.max(limits.compileMemoryMb, limits.memoryMb) : limits.memoryMb,
      pids: compiled ? Math.max(limits.pids, COMPILE_MIN_PIDS) : limits.pids,
      cpus: limits.cpus,
      tmpMb: limits.tmpMb,
      nofile: limits.nofile,
      network,
      runtime: this.config.runtime,
    };
  }

  /** The spec of a language at default limits (what the pool prewarms). */
  defaultSpec(languageId: string): PoolSpec {
    const { language, image } = this.resolveRuntime({ language: languageId, version: "*" });
    return this.boxSpec(image, this.config.bounds.defaults, isCompiled(language), false);
  }

  /** A container for one run: warm from the pool, or started now; counted as in use until destroyed. */
  async takeBox(spec: PoolSpec, runId: string, budgetMs: number): Promise<SandboxBox> {
    const box = this.pool.take(spec) ?? (await this.openBox(spec, runId, budgetMs + 60_000));
    this.active.add(box.id);
    return box;
  }

  /** Remove a run's container in the background (the answer does not wait for Docker's cleanup). */
  release(box: SandboxBox): void {
    void box.destroy().finally(() => this.active.delete(box.id));
  }

  private openBox(spec: PoolSpec, runId: string, lifetimeMs: number): Promise<SandboxBox> {
    return SandboxBox.open(this.backend, this.removals, {
      ...spec,
      runId,
      instanceId: this.config.instanceId,
      deadline: Date.now() + lifetimeMs,
    });
  }

  /** Start background work: the reaper, the pool's upkeep and the prewarmed languages. */
  start(): void {
    this.reaper.start(this.config.reaper.intervalMs);
    this.pool.start();
    for (const id of this.config.pool.prewarm) {
      try {
        this.pool.prewarm(this.defaultSpec(id));
      } catch (err) {
        log.warn({ err, language: id }, "cannot prewarm this language");
      }
    }
  }

  /** Stop background work and remove every idle container; waits for removals in flight. */
  async shutdown(): Promise<void> {
    this.reaper.stop();
    this.pool.stop();
    await this.pool.drain();
    await this.removals.settle();
  }

  /** Engine version, or SandboxUnavailable saying why it cannot be reached. */
  ping(timeoutMs?: number) {
    return this.backend.ping(timeoutMs);
  }

  stats() {
    return { queue: this.slots.stats, pool: this.pool.stats(), active: this.active.size };
  }
}
