/**
 * Hostile programs: each is contained, the user sees a clear result, nothing is left on the
 * host, and the next run works. (Limits and isolation basics are in sandbox-limits.test.ts.)
 */
import { afterAll, describe, expect, it } from "vitest";
import type { DockerBackend } from "@/lib/sandbox/docker";
import { ValidationError } from "@/lib/sandbox/errors";
import { engine, execute } from "../support/engine";
import { expectNoContainersLeft, sandboxContainers } from "./helpers";

const py = (code: string, extra: object = {}) =>
  execute({ language: "python", files: [{ name: "main.py", content: code }], ...extra });
const sh = (code: string, extra: object = {}) =>
  execute({ language: "bash", files: [{ name: "main.sh", content: code }], ...extra });
const c = (code: string, extra: object = {}) =>
  execute({ language: "c", files: [{ name: "main.c", content: code }], ...extra });

/** Containers made for runs (warm ones are started by the pool in the background at any time). */
const runContainers = async () =>
  (await sandboxContainers()).filter((c) => !c.labels["runbox.run"]?.startsWith("pool-"));

async function expectRefusedBeforeDocker(input: unknown, field: RegExp) {
  const before = (await runContainers()).length;
  let error: unknown;
  try {
    await execute(input);
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(ValidationError);
  expect(Object.keys((error as ValidationError).fieldErrors).join(" ")).toMatch(field);
  expect((await runContainers()).length).toBeLessThanOrEqual(before);
}

describe.concurrent("hostile programs", () => {
  it("contains a thread bomb", async () => {
    const r = await c(
      '#include <pthread.h>\n#include <stdio.h>\n#include <unistd.h>\nvoid *spin(void *a){ (void)a; sleep(30); return 0; }\nint main(void){ int n = 0; pthread_t t; while (pthread_create(&t, 0, spin, 0) == 0) n++; printf("threads: %d\\n", n); return 0; }\n',
      { limits: { pids: 32, timeoutMs: 3000 } },
    );
    expect(r.run?.stdout).toMatch(/^threads: \d+\n$/);
    expect(Number(r.run?.stdout.split(" ")[1])).toBeLessThan(32);
  });

  it("bounds /dev/shm", async () => {
    const r = sh("dd if=/dev/zero of=/dev/shm/fill bs=1M count=100 2>&1 | tail -1; du -sm /dev/shm | cut -f1\n");
    const out = (await r).run?.stdout ?? "";
    expect(Number(out.trim().split("\n").at(-1))).toBeLessThanOrEqual(16);
  });

  it("caps open files", async () => {
    const r = await py(
      "import os\nfds = []\ntry:\n    for i in range(10000):\n        fds.append(os.open('/dev/null', os.O_RDONLY))\nexcept OSError as e:\n    print('stopped at', len(fds), e.errno)\n",
    );
    expect(r.run?.stdout).toMatch(/^stopped at \d+ 24\n$/);
    expect(Number(r.run?.stdout.split(" ")[2])).toBeLessThan(256);
  });

  it("floods stderr without growing the answer", async () => {
    const r = await py("import sys\nwhile True:\n    sys.stderr.write('e' * 4096)\n", { limits: { outputKb: 16 } });
    expect(r.status).toBe("output_limit");
    expect(Buffer.byteLength(r.run?.stderr ?? "")).toBeLessThanOrEqual(16 * 1024);
  });

  it("cannot resolve names or reach the network", async () => {
    const r = await py(
      "import socket\ntry:\n    socket.getaddrinfo('example.com', 80)\n    print('resolved')\nexcept OSError:\n    print('no dns')\ntry:\n    socket.create_connection(('1.1.1.1', 53), timeout=2)\n    print('connected')\nexcept OSError:\n    print('no route')\n",
    );
    expect(r.run?.stdout).toBe("no dns\nno route\n");
  });

  it("splits no multi-byte character, even written one byte at a time", async () => {
    const r = await py(
      "import sys, time\nfor b in 'é→🚀'.encode():\n    sys.stdout.buffer.write(bytes([b]))\n    sys.stdout.flush()\n    time.sleep(0.01)\n",
    );
    expect(r.run?.stdout).toBe("é→🚀");
  });

  it("ignores symlinks planted under names the server might read", async () => {
    const r = await sh(
      "ln -s /etc/shadow output.txt; ln -s /proc/1/environ result.json; ln -sf / main.sh.bak; echo planted\n",
    );
    expect(r.status).toBe("ok");
    expect(r.run?.stdout).toBe("planted\n");
    // The server never reads files back from the sandbox, so the links lead nowhere.
  });

  it("sees /proc/1/environ of rbrun only as denied", async () => {
    const r = await sh("cat /proc/1/environ 2>&1 | head -c 200; echo; ls -l /proc/1/fd 2>&1 | head -2\n");
    expect(r.run?.stdout).toMatch(/Permission denied/);
    expect(r.run?.stdout).not.toMatch(/RUNBOX|DATABASE_URL/);
  });
});

describe("the server under floods", () => {
  it("keeps its memory flat while programs flood their output", async () => {
    const flood = () =>
      py("import sys\nwhile True:\n    sys.stdout.write('y' * 65536)\n", { limits: { outputKb: 1024 } });
    await flood();
    global.gc?.();
    const before = process.memoryUsage().rss;
    const results = await Promise.all([flood(), flood(), flood(), flood()]);
    for (const r of results) expect(Buffer.byteLength(r.run?.stdout ?? "")).toBeLessThanOrEqual(1024 * 1024);
    // Four 1 MiB answers kept in memory plus noise; an uncapped collector would hold gigabytes.
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });
});

describe("refused before any container exists", () => {
  it("huge source, stdin, argv and env", async () => {
    const big = "x".repeat(2 * 1024 * 1024);
    const ok = { language: "python", files: [{ name: "main.py", content: "print(1)" }] };
    await expectRefusedBeforeDocker({ ...ok, files: [{ name: "main.py", content: big }] }, /files/);
    await expectRefusedBeforeDocker({ ...ok, stdin: big }, /stdin/);
    await expectRefusedBeforeDocker({ ...ok, args: [big] }, /args/);
    await expectRefusedBeforeDocker({ ...ok, env: { BIG: big } }, /env/);
  });

  it("malicious file names", async () => {
    const file = (name: string) => ({ language: "python", files: [{ name, content: "print(1)" }] });
    for (const name of [
      "/etc/passwd",
      "../../x.py",
      "a/../../x",
      "nul\u0000.py",
      "tab\t.py",
      "x".repeat(300),
      "a\\..\\b.py",
    ]) {
      await expectRefusedBeforeDocker(file(name), /files\.0\.name/);
    }
    await expectRefusedBeforeDocker(
      {
        language: "python",
        files: [
          { name: "a.py", content: "" },
          { name: "a.py", content: "" },
        ],
      },
      /files\.1\.name/,
    );
  });
});

describe("images", () => {
  it("carry no setuid or setgid binaries", async () => {
    const images = [...new Set(Object.values(engine().images()).map((e) => e.image))];
    expect(images.length).toBe(Object.keys(engine().images()).length);
    expect(images.length).toBeGreaterThanOrEqual(12);
    for (const image of images) {
      const container = await (engine().backend as DockerBackend).docker.createContainer({
        Image: image,
        Entrypoint: ["find", "/", "-xdev", "-perm", "/6000", "-type", "f"],
        Cmd: [],
        User: "0:0",
        HostConfig: { NetworkMode: "none", LogConfig: { Type: "json-file", Config: {} } },
        Labels: { runbox: "1", "runbox.run": "image-audit", "runbox.deadline": "0" },
      });
      try {
        await container.start();
        await container.wait();
        // find prints nothing when no file has a setuid/setgid bit.
        const logs = await container.logs({ stdout: true, stderr: true });
        expect(logs.length, `${image}: ${logs.toString("utf8")}`).toBe(0);
      } finally {
        await container.remove({ force: true });
      }
    }
  });
});

describe("afterwards", () => {
  it("the next run works", async () => {
    const r = await py("print('still fine')");
    expect(r.run?.stdout).toBe("still fine\n");
  });
});

afterAll(async () => {
  await expectNoContainersLeft();
});
