import { expect } from "vitest";
import { LABEL } from "@/lib/sandbox/container-spec";
import { docker } from "@/lib/sandbox/docker";
import { pool } from "@/lib/sandbox/runtime-state";

/** Labelled sandbox containers that still exist (running or not). */
export async function sandboxContainers() {
  return docker().listContainers({ all: true, filters: { label: [`${LABEL.app}=1`] } });
}

/**
 * Removal happens in the background after each run; allow a moment for Docker to finish it.
 * Idle warm containers are not leftovers: the pool is drained first.
 */
export async function expectNoContainersLeft() {
  await pool().drain();
  let left = await sandboxContainers();
  for (let i = 0; i < 20 && left.length > 0; i++) {
    await new Promise((r) => setTimeout(r, 250));
    left = await sandboxContainers();
  }
  expect(left.map((c) => c.Names.join(","))).toEqual([]);
}
