import type { EngineConfig } from "../engine";
import type { Limits } from "../limits";

const LIMITS: Limits = {
  timeoutMs: 5000,
  compileTimeoutMs: 20000,
  cpuTimeMs: 5000,
  compileCpuTimeMs: 20000,
  memoryMb: 256,
  compileMemoryMb: 768,
  cpus: 1,
  pids: 64,
  outputKb: 64,
  tmpMb: 64,
  nofile: 256,
};

/** An engine configuration for unit tests (with a FakeBackend): small, explicit, no environment. */
export function testEngineConfig(overrides: Partial<EngineConfig> = {}): EngineConfig {
  return {
    instanceId: "test-instance",
    runtime: "",
    allowNetwork: false,
    bounds: { defaults: LIMITS, maxima: { ...LIMITS, timeoutMs: 30000, memoryMb: 1024, cpus: 2 } },
    slots: { capacity: 2, queueLimit: 4, queueTimeoutMs: 1000 },
    pool: {
      perSpec: 1,
      maxPerSpec: 3,
      maxSpecs: 2,
      minDemand: 2,
      memoryBudgetMb: 2048,
      idleMs: 60_000,
      maxAgeMs: 60_000,
      prewarm: [],
    },
    imagesManifest: {
      python: { image: "runbox-python:test", version: "3.11.2" },
      c: { image: "runbox-c:test", version: "12.2.0" },
    },
    reaper: { intervalMs: 60_000 },
    ...overrides,
  };
}
