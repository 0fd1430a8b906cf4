import { afterAll, describe, expect, it } from "vitest";
import type { WarmPool } from "@/lib/sandbox/pool";
import { engine, execute } from "../support/engine";
import { expectNoContainersLeft, sandboxContainers } from "./helpers";

const py = (code: string) => execute({ language: "python", files: [{ name: "main.py", content: code }] });

async function waitForWarm(p: WarmPool, count: number) {
  for (let i = 0; i < 100 && p.stats().warm < count; i++) await new Promise((r) => setTimeout(r, 100));
  return p.stats().warm;
}

describe("warm pool (real Docker)", () => {
  it("serves runs from warm containers, and a container is never reused", async () => {
    const pool = engine().pool;
    pool.prewarm(engine().defaultSpec("python"));
    expect(await waitForWarm(pool, 1)).toBeGreaterThanOrEqual(1);
    const warmIds = pool.idleIds();
    const hitsBefore = pool.counters.hits;
    const first = await py("print('hi')");
    expect(first.status).toBe("ok");
    expect(pool.counters.hits).toBe(hitsBefore + 1);
    // The used container is gone (removed in the background), not back in the pool.
    await engine().removals.settle();
    const ids = (await sandboxContainers()).map((c) => c.id);
    expect(warmIds.filter((id) => !ids.includes(id)).length).toBeGreaterThanOrEqual(1);
  });

  it("never lets a file, process or IPC object of one run reach the next", async () => {
    const pool = engine().pool;
    pool.prewarm(engine().defaultSpec("python"));
    await waitForWarm(pool, 1);
    const leave = await py(
      [
        "import subprocess, os, sys",
        "open('/tmp/left-behind', 'w').write('x')",
        "open('left.txt', 'w').write('x')",
        "open('/dev/shm/left', 'w').write('x')",
        "subprocess.Popen(['sleep', '300'])",
        "print('left')",
      ].join("\n"),
    );
    expect(leave.run?.stdout).toBe("left\n");
    await waitForWarm(pool, 1);
    const look = await py(
      [
        "import os",
        "print(os.path.exists('/tmp/left-behind'), os.path.exists('left.txt'), os.listdir('/dev/shm'), sorted(os.listdir('.')))",
        "print(any(open(f'/proc/{p}/cmdline').read().startswith('sleep') for p in os.listdir('/proc') if p.isdigit()))",
      ].join("\n"),
    );
    expect(look.run?.stdout).toBe("False False [] ['main.py']\nFalse\n");
  });
});

afterAll(async () => {
  await expectNoContainersLeft();
});
