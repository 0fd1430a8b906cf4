import { afterAll, describe, expect, it } from "vitest";
import { defaultSpec, execute } from "@/lib/sandbox/execute";
import { WarmPool } from "@/lib/sandbox/pool";
import { reapContainers } from "@/lib/sandbox/reaper";
import { pool } from "@/lib/sandbox/runtime-state";
import { expectNoContainersLeft, sandboxContainers } from "./helpers";

const py = (code: string) => execute({ language: "python", files: [{ name: "main.py", content: code }] });

async function waitForWarm(p: WarmPool, count: number) {
  for (let i = 0; i < 100 && p.stats().warm < count; i++) await new Promise((r) => setTimeout(r, 100));
  return p.stats().warm;
}

describe("warm pool", () => {
  it("serves runs from warm containers, and a container is never reused", async () => {
    pool().prewarm(defaultSpec("python"));
    expect(await waitForWarm(pool(), 1)).toBe(1);
    const warmIds = pool().idleIds();
    const hitsBefore = pool().counters.hits;
    const first = await py(
      "import os\nprint(os.environ.get('HOSTNAME', ''), open('/proc/self/cgroup').read().count('docker'))",
    );
    expect(first.status).toBe("ok");
    expect(pool().counters.hits).toBe(hitsBefore + 1);
    // The used container is gone (removed in the background), not back in the pool.
    for (let i = 0; i < 50 && (await sandboxContainers()).some((c) => warmIds.includes(c.Id)); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await sandboxContainers()).map((c) => c.Id)).not.toContain(warmIds[0]);
  });

  it("never lets a file or process of one run reach the next", async () => {
    pool().prewarm(defaultSpec("python"));
    await waitForWarm(pool(), 1);
    const leave = await py(
      "import subprocess\nopen('/tmp/left-behind', 'w').write('x')\nopen('left.txt', 'w').write('x')\nsubprocess.Popen(['sleep', '300'])\nprint('left')",
    );
    expect(leave.run?.stdout).toBe("left\n");
    await waitForWarm(pool(), 1);
    const look = await py(
      "import os\nprint(os.path.exists('/tmp/left-behind'), os.path.exists('left.txt'), sorted(os.listdir('.')))\nprint(any(open(f'/proc/{p}/cmdline').read().startswith('sleep') for p in os.listdir('/proc') if p.isdigit()))",
    );
    expect(look.run?.stdout).toBe("False False ['main.py']\nFalse\n");
  });

  it("keeps idle memory within its budget", async () => {
    const spec = defaultSpec("python");
    const small = new WarmPool({
      perLanguage: 5,
      memoryBudgetMb: spec.memoryMb * 2,
      idleMs: 60_000,
      maxAgeMs: 60_000,
      canRefill: () => true,
    });
    small.prewarm(spec);
    await waitForWarm(small, 2);
    await new Promise((r) => setTimeout(r, 1500));
    expect(small.stats().warm).toBe(2);
    expect(small.stats().idleMemoryMb).toBeLessThanOrEqual(spec.memoryMb * 2);
    await small.drain();
  });

  it("start-up reaping removes warm containers a dead process left behind", async () => {
    const orphan = new WarmPool({
      perLanguage: 1,
      memoryBudgetMb: 4096,
      idleMs: 60_000,
      maxAgeMs: 60_000,
      canRefill: () => true,
    });
    orphan.prewarm(defaultSpec("python"));
    await waitForWarm(orphan, 1);
    const [id] = orphan.idleIds();
    // (Only pool containers: other test processes may share this Docker engine.)
    await reapContainers({ all: true, runPrefix: "pool-" });
    expect((await sandboxContainers()).map((c) => c.Id)).not.toContain(id);
  });
});

afterAll(async () => {
  await expectNoContainersLeft();
});
