import { log } from "../log";
import { Removals, type SandboxBox } from "./box";
import { DockerBackend, type DockerEndpoint, type SandboxBackend } from "./docker";
import { SandboxUnavailable, ValidationError } from "./errors";
import { type BatchResult, type ExecuteOptions, runBatch, runProgram } from "./execute";
import { Host } from "./host";
import { type ImageManifest, readImageManifest } from "./images";
import { type InteractiveOptions, type InteractiveRun, startInteractive } from "./interactive";
import { descriptorLanguage, findLanguage, isCompiled, LANGUAGES, type Language } from "./languages";
import type { LimitBounds, Limits } from "./limits";
import { resolveLimits } from "./limits";
import { EngineObservers } from "./observers";
import type { PoolOptions, PoolSpec, WarmPool } from "./pool";
import { type ExecuteRequest, parseExecuteRequest, type RequestRules } from "./request";
import { Slots } from "./slots";
import type { ExecutionResult } from "./types";
import { versionMatches } from "./version";

/** Everything an Engine needs, decided once by whoever builds it (the app from its env, a test by hand). */
export interface EngineConfig {
  /** Names this Runbox instance on its containers; unique per process sharing a Docker engine. */
  instanceId: string;
  /** The Docker engine; absent: DOCKER_HOST or the default socket. Ignored when `hosts` is given. */
  docker?: DockerEndpoint;
  /**
   * Several Docker engines, each with its own capacity (programs at once); a run goes to the
   * one with the most free capacity that has its image. Absent: one engine (`docker`) with
   * `slots.capacity`.
   */
  hosts?: { id: string; endpoint?: DockerEndpoint; capacity: number; backend?: SandboxBackend }[];
  /** Caps on the files a program may hand back under /box/out (when a caller asks for them). */
  outputFiles?: { maxFiles: number; maxBytes: number };
  /** How often every Docker engine is asked whether it answers. */
  healthIntervalMs?: number;
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
  readonly hosts: Host[];
  readonly removals = new Removals();
  readonly startedAt = Date.now();
  /** Listeners to every run this engine finishes (metrics, the admin page): see observers.ts. */
  readonly observers = new EngineObservers();
  private healthTimer?: NodeJS.Timeout;

  constructor(
    readonly config: EngineConfig,
    backend?: SandboxBackend,
  ) {
    const hosts = config.hosts ?? [{ id: "local", endpoint: config.docker, capacity: config.slots.capacity, backend }];
    this.hosts = hosts.map(
      (h) =>
        new Host(h.backend ?? (h.endpoint || !backend ? new DockerBackend(h.endpoint) : backend), this.removals, {
          id: h.id,
          capacity: h.capacity,
          instanceId: config.instanceId,
          pool: config.pool,
          reaper: config.reaper,
          startedAt: this.startedAt,
          // Start warm containers only while nobody waits for a slot: runs come first.
          canRefill: () => this.slots.stats.queued === 0,
        }),
    );
    this.slots = new Slots(this.upCapacity(), config.slots.queueLimit, config.slots.queueTimeoutMs);
  }

  /** The first (or only) Docker engine's client: single-engine set-ups and tests. */
  get backend(): SandboxBackend {
    return (this.hosts[0] as Host).backend;
  }

  /** The first (or only) Docker engine's warm pool. */
  get pool(): WarmPool {
    return (this.hosts[0] as Host).pool;
  }

  private upCapacity(): number {
    return Math.max(
      1,
      this.hosts.reduce((n, h) => n + (h.state === "up" ? h.opts.capacity : 0), 0),
    );
  }

  /** What requests are validated against (the edge calls parse with these). */
  get rules(): RequestRules {
    return {
      bounds: this.config.bounds,
      allowNetwork: this.config.allowNetwork,
      findLanguage: (name) => this.findLanguage(name),
    };
  }

  /** The built-in languages and those added by image folders (from the image manifest). */
  languages(): Language[] {
    const custom = Object.values(this.images()).flatMap((e) => (e.language ? [descriptorLanguage(e.language)] : []));
    return [...LANGUAGES, ...custom.filter((c) => !LANGUAGES.some((l) => l.id === c.id))];
  }

  /** A language by id or alias, case-insensitive. */
  findLanguage(name: string): Language | undefined {
    const n = name.trim().toLowerCase();
    return findLanguage(n) ?? this.languages().find((l) => l.id === n || l.aliases.includes(n));
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
    const language = this.findLanguage(req.language);
    if (!language) {
      const known = this.languages()
        .map((l) => l.id)
        .join(", ");
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

  /**
   * A container for one run, on the Docker engine with the most free capacity that answers and
   * has the image: warm from its pool, or started now; counted there until released.
   */
  async takeBox(spec: PoolSpec, runId: string, budgetMs: number): Promise<SandboxBox> {
    const tried = new Set<Host>();
    for (;;) {
      // Chosen and reserved in one synchronous step, so concurrent runs spread out.
      const host = this.hosts.filter((h) => h.state === "up" && !tried.has(h)).sort((a, b) => b.free - a.free)[0];
      if (!host) break;
      tried.add(host);
      const unreserve = host.reserve();
      try {
        if (this.hosts.length > 1 && !(await host.hasImage(spec.image))) continue;
        const box = await host.take(spec, runId, budgetMs);
        this.owner.set(box, host);
        return box;
      } catch (err) {
        // This engine cannot take it now (unreachable, image gone): another one may.
        if (err instanceof SandboxUnavailable && this.hosts.some((h) => h.state === "up" && !tried.has(h))) continue;
        throw err;
      } finally {
        unreserve();
      }
    }
    throw new SandboxUnavailable(
      this.hosts.length > 1
        ? "No Docker engine that has this language's image is answering right now."
        : "The Docker engine is not reachable, so programs cannot run right now.",
    );
  }

  /** Remove a run's container in the background (the answer does not wait for Docker's cleanup). */
  release(box: SandboxBox): void {
    const host = this.owner.get(box);
    this.owner.delete(box);
    if (host) host.release(box);
    else void box.destroy();
  }
  private readonly owner = new WeakMap<SandboxBox, Host>();

  /** Ask every Docker engine whether it answers; capacity follows the ones that do. */
  async checkHosts(): Promise<void> {
    await Promise.all(this.hosts.map((h) => h.check()));
    this.slots.setCapacity(this.upCapacity());
  }

  /** Start background work: health checks, reapers, pools' upkeep and the prewarmed languages. */
  start(): void {
    for (const host of this.hosts) {
      host.reaper.start(this.config.reaper.intervalMs);
      host.pool.start();
      for (const id of this.config.pool.prewarm) {
        try {
          host.pool.prewarm(this.defaultSpec(id));
        } catch (err) {
          log.warn({ err, language: id }, "cannot prewarm this language");
        }
      }
    }
    this.healthTimer ??= setInterval(() => void this.checkHosts(), this.config.healthIntervalMs ?? 5000);
    this.healthTimer.unref();
  }

  /** Stop background work and remove every idle container; waits for removals in flight. */
  async shutdown(): Promise<void> {
    if (this.healthTimer) clearInterval(this.healthTimer);
    this.healthTimer = undefined;
    await Promise.all(
      this.hosts.map(async (h) => {
        h.reaper.stop();
        h.pool.stop();
        await h.pool.drain();
      }),
    );
    await this.removals.settle();
  }

  /** A version of a Docker engine that answers, or SandboxUnavailable when none does. */
  async ping(timeoutMs?: number): Promise<{ version: string }> {
    const answers = await Promise.allSettled(this.hosts.map((h) => h.backend.ping(timeoutMs)));
    const ok = answers.find((a) => a.status === "fulfilled");
    if (ok?.status === "fulfilled") return ok.value;
    const first = answers[0];
    throw first?.status === "rejected" ? first.reason : new SandboxUnavailable("No Docker engine is configured.");
  }

  /** A snapshot of slots, pools and Docker engines (health, metrics, the admin page). */
  stats() {
    return {
      queue: this.slots.stats,
      pool: this.pool.stats(),
      active: this.hosts.reduce((n, h) => n + h.load, 0),
      engines: this.hosts.map((h) => h.stats()),
      /** Sandbox containers Docker failed to remove after their run (the reaper retries them). */
      removeFailures: this.removals.failures,
    };
  }
}
