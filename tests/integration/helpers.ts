import { expect } from "vitest";
import { LABEL } from "@/lib/sandbox/container-spec";
import { docker } from "@/lib/sandbox/docker";

/** Labelled sandbox containers that still exist (running or not). */
export async function sandboxContainers() {
  return docker().listContainers({ all: true, filters: { label: [`${LABEL.app}=1`] } });
}

/** Removal happens in the run's finally; allow a moment for Docker to finish it. */
export async function expectNoContainersLeft() {
  let left = await sandboxContainers();
  for (let i = 0; i < 20 && left.length > 0; i++) {
    await new Promise((r) => setTimeout(r, 250));
    left = await sandboxContainers();
  }
  expect(left.map((c) => c.Names.join(","))).toEqual([]);
}
