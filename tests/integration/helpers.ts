import { expect } from "vitest";
import type { Engine } from "@/lib/sandbox";
import { LABEL } from "@/lib/sandbox/container-spec";
import { engine as appEngine } from "../support/engine";

/** This test process's sandbox containers that still exist (running or not). */
export async function sandboxContainers(engine: Engine = appEngine()) {
  return engine.backend.list(`${LABEL.instance}=${engine.config.instanceId}`);
}

/** Every Runbox container on the engine, whoever made it. */
export async function allSandboxContainers() {
  return appEngine().backend.list(`${LABEL.app}=1`);
}

/**
 * Removal happens in the background after each run; allow a moment for Docker to finish it.
 * Idle warm containers are not leftovers: the pool is drained first.
 */
export async function expectNoContainersLeft(engine: Engine = appEngine()) {
  await engine.pool.drain();
  await engine.removals.settle();
  let left = await sandboxContainers(engine);
  for (let i = 0; i < 20 && left.length > 0; i++) {
    await new Promise((r) => setTimeout(r, 250));
    left = await sandboxContainers(engine);
  }
  expect(left.map((c) => c.labels[LABEL.run])).toEqual([]);
}
