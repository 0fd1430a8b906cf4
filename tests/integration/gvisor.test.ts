/**
 * The optional second boundary: the same sandboxes under gVisor (RUNBOX_RUNTIME=runsc). Runs
 * where runsc is registered with Docker (npm test registers it when it runs as root).
 */
import { execSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { engineConfigFromEnv } from "@/lib/app-engine";
import { Engine } from "@/lib/sandbox";
import { expectNoContainersLeft } from "./helpers";

// An engine of this test's own, with gVisor as the runtime (as RUNBOX_RUNTIME=runsc configures).
const base = engineConfigFromEnv();
const gvisor = new Engine({ ...base, runtime: "runsc", instanceId: `${base.instanceId}-gvisor` });
const execute = (input: unknown) => gvisor.execute(gvisor.parse(input));

const registered = (() => {
  try {
    return execSync("docker info --format '{{json .Runtimes}}'", { encoding: "utf8" }).includes('"runsc"');
  } catch {
    return false;
  }
})();

const py = (code: string, extra: object = {}) =>
  execute({ language: "python", files: [{ name: "main.py", content: code }], ...extra });
const sh = (code: string, extra: object = {}) =>
  execute({ language: "bash", files: [{ name: "main.sh", content: code }], ...extra });

const ISOLATION = `import os, socket
print(os.getuid())
print([n for _, n in socket.if_nameindex()])
try:
    open('/etc/x', 'w')
    print('root writable')
except OSError:
    print('root read-only')
print('do-not-leak-4242' in str(os.environ))
`;

describe.runIf(registered).concurrent("under gVisor", () => {
  it("runs interpreted and compiled programs", async () => {
    const p = await py("print(sum(range(101)))");
    expect(p.run?.stdout).toBe("5050\n");
    const c = await execute({
      language: "c",
      files: [{ name: "main.c", content: '#include <stdio.h>\nint main(void){puts("c ok");return 0;}\n' }],
    });
    expect(c.run?.stdout).toBe("c ok\n");
  });

  it("keeps the isolation basics", async () => {
    process.env.RUNBOX_TEST_SECRET = "do-not-leak-4242";
    const r = await py(ISOLATION);
    expect(r.run?.stdout).toBe("1000\n['lo']\nroot read-only\nFalse\n");
  });

  it("kills at the timeout and caps output", async () => {
    const t = await py("while True:\n    pass\n", { limits: { timeoutMs: 1000 } });
    expect(t.status).toBe("timeout");
    const o = await py("while True:\n    print('x' * 1000)\n", { limits: { outputKb: 8 } });
    expect(o.status).toBe("output_limit");
  });

  it("stops a memory hog", async () => {
    const r = await py("x = []\nwhile True:\n    x.append(bytearray(16 * 1024 * 1024))\n", {
      limits: { memoryMb: 64 },
    });
    // gVisor enforces the limit, but its OOM kill is not always visible as the cgroup's counter.
    expect(["memory_limit", "runtime_error"]).toContain(r.status);
  });

  it("runs a compiled program with its own memory limit, not the compiler's", async () => {
    // gVisor cannot lower a running container's limits: before, every compiled program here
    // kept the 768 MB compile limit. Now it runs in a second container made with its own.
    const r = await execute({
      language: "c",
      files: [
        {
          name: "main.c",
          content:
            '#include <stdio.h>\n#include <stdlib.h>\nint main(void){ volatile char *p = malloc(300u << 20); for (size_t i = 0; p && i < (300u << 20); i += 4096) p[i] = 1; puts("touched 300 MB"); return 0; }\n',
        },
      ],
      limits: { memoryMb: 64 },
    }).catch((err: Error) => err);
    // On a loaded machine the host's OOM killer may end the whole gVisor sandbox (its kernel counts
    // against the same 64 MB) before the program's own kill is reported: a SandboxFault, never "touched".
    if (r instanceof Error) {
      expect(r.name).toBe("SandboxFault");
      return;
    }
    expect(r.compile?.exitCode).toBe(0);
    expect(r.run?.stdout ?? "").not.toContain("touched");
    expect(["memory_limit", "runtime_error"]).toContain(r.status);
  });

  it("contains a shell fork bomb, and the next run works", async () => {
    // Under gVisor the bomb may exhaust the sandbox kernel's own thread budget, which stops the
    // whole sandbox: the caller then gets a SandboxFault (internal_error), never a host effect.
    const outcome = await sh(":(){ :|:& };:\n", { limits: { pids: 32, timeoutMs: 2000 } }).then(
      (r) => r.status,
      (err: Error) => err.name,
    );
    expect(["timeout", "runtime_error", "ok", "memory_limit", "SandboxFault"]).toContain(outcome);
    const next = await sh("echo alive\n");
    expect(next.run?.stdout).toBe("alive\n");
  });
});

afterAll(async () => {
  if (registered) await expectNoContainersLeft(gvisor);
});
