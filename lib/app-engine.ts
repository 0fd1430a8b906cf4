import "server-only";
import { instanceGone } from "./db/instances";
import { parseDockerHosts } from "./docker-hosts";
import { type Env, env, statePath } from "./env";
import { instanceId } from "./instance-id";
import { localInstanceGone } from "./instances";
import { observeEngine } from "./metrics/observe-engine";
import { Engine, type EngineConfig } from "./sandbox";

/**
 * The app's composition root for the sandbox engine: the one place configuration becomes an
 * Engine. Route handlers, server actions, the judge and start-up receive it from here.
 */
export function engineConfigFromEnv(e: Env = env()): EngineConfig {
  const common = { tmpMb: e.RUNBOX_TMP_MB, nofile: e.RUNBOX_NOFILE };
  const timeoutMs = Math.min(e.RUNBOX_RUN_TIMEOUT_MS, e.RUNBOX_MAX_RUN_TIMEOUT_MS);
  const compileTimeoutMs = Math.min(e.RUNBOX_COMPILE_TIMEOUT_MS, e.RUNBOX_MAX_COMPILE_TIMEOUT_MS);
  const cpus = Math.min(e.RUNBOX_CPUS, e.RUNBOX_MAX_CPUS);
  return {
    instanceId: e.RUNBOX_INSTANCE_ID ?? instanceId(),
    runtime: e.RUNBOX_RUNTIME,
    allowNetwork: e.RUNBOX_ALLOW_NETWORK,
    bounds: {
      defaults: {
        timeoutMs,
        compileTimeoutMs,
        cpuTimeMs: Math.ceil(timeoutMs * Math.max(1, cpus)),
        compileCpuTimeMs: Math.ceil(compileTimeoutMs * Math.max(1, cpus)),
        memoryMb: Math.min(e.RUNBOX_RUN_MEMORY_MB, e.RUNBOX_MAX_RUN_MEMORY_MB),
        compileMemoryMb: Math.min(e.RUNBOX_COMPILE_MEMORY_MB, e.RUNBOX_MAX_COMPILE_MEMORY_MB),
        cpus,
        pids: Math.min(e.RUNBOX_PIDS, e.RUNBOX_MAX_PIDS),
        outputKb: Math.min(e.RUNBOX_OUTPUT_KB, e.RUNBOX_MAX_OUTPUT_KB),
        ...common,
      },
      maxima: {
        timeoutMs: e.RUNBOX_MAX_RUN_TIMEOUT_MS,
        compileTimeoutMs: e.RUNBOX_MAX_COMPILE_TIMEOUT_MS,
        cpuTimeMs: Math.ceil(e.RUNBOX_MAX_RUN_TIMEOUT_MS * Math.max(1, e.RUNBOX_MAX_CPUS)),
        compileCpuTimeMs: Math.ceil(e.RUNBOX_MAX_COMPILE_TIMEOUT_MS * Math.max(1, e.RUNBOX_MAX_CPUS)),
        memoryMb: e.RUNBOX_MAX_RUN_MEMORY_MB,
        compileMemoryMb: e.RUNBOX_MAX_COMPILE_MEMORY_MB,
        cpus: e.RUNBOX_MAX_CPUS,
        pids: e.RUNBOX_MAX_PIDS,
        outputKb: e.RUNBOX_MAX_OUTPUT_KB,
        ...common,
      },
    },
    slots: {
      capacity: e.RUNBOX_MAX_CONCURRENCY,
      queueLimit: e.RUNBOX_QUEUE_LIMIT,
      queueTimeoutMs: e.RUNBOX_QUEUE_TIMEOUT_MS,
    },
    pool: {
      perSpec: e.RUNBOX_POOL_SIZE,
      maxPerSpec: Math.max(e.RUNBOX_POOL_SIZE, e.RUNBOX_POOL_MAX_PER_SPEC),
      maxSpecs: e.RUNBOX_POOL_MAX_SPECS,
      minDemand: 2,
      memoryBudgetMb: e.RUNBOX_POOL_MEMORY_MB,
      idleMs: e.RUNBOX_POOL_IDLE_MS,
      maxAgeMs: e.RUNBOX_POOL_MAX_AGE_MS,
      prewarm: e.RUNBOX_POOL_PREWARM.split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    },
    imagesManifest: e.RUNBOX_IMAGES_MANIFEST ?? statePath("images.json"),
    outputFiles: { maxFiles: e.RUNBOX_OUTPUT_FILES, maxBytes: Math.round(e.RUNBOX_OUTPUT_FILES_MB * 1024 * 1024) },
    ...(e.RUNBOX_DOCKER_HOSTS.trim()
      ? { hosts: parseDockerHosts(e.RUNBOX_DOCKER_HOSTS, e.RUNBOX_MAX_CONCURRENCY) }
      : {}),
    // Gone: a process of this machine that exited, or an instance whose heartbeat in the shared
    // database stopped. Instances neither knows of are alive until their containers' deadlines.
    reaper: {
      intervalMs: 15_000,
      isInstanceGone: async (id) => localInstanceGone(id) || (await instanceGone(id).catch(() => false)),
    },
  };
}

// Next.js bundles route handlers, server actions and instrumentation separately from each other
// and from a custom server, each with its own copy of this module; one process-wide slot keyed
// by a registered symbol is how they all get the same Engine (and one pool, one queue).
const SLOT = Symbol.for("runbox.engine");
const g = globalThis as typeof globalThis & { [SLOT]?: Engine };

/** The process's Engine, built from the environment on first use. */
export function appEngine(): Engine {
  if (!g[SLOT]) {
    g[SLOT] = new Engine(engineConfigFromEnv());
    observeEngine(g[SLOT]);
  }
  return g[SLOT];
}

/** The process's Engine if one was built (shutdown must not build one just to stop it). */
export function currentEngine(): Engine | undefined {
  return g[SLOT];
}

/** Install an Engine built elsewhere (a custom server, a test with its own settings). */
export function provideEngine(engine: Engine): void {
  g[SLOT] = engine;
  observeEngine(engine);
}

/** Shut the process's Engine down and forget it (tests: each file gets a fresh one). */
export async function disposeAppEngine(): Promise<void> {
  const engine = g[SLOT];
  g[SLOT] = undefined;
  await engine?.shutdown();
}
