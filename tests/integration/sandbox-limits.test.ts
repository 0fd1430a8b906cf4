import { afterAll, describe, expect, it } from "vitest";
import { execute } from "../support/engine";
import { expectNoContainersLeft } from "./helpers";

const py = (code: string, extra: object = {}) =>
  execute({ language: "python", files: [{ name: "main.py", content: code }], ...extra });
const sh = (code: string, extra: object = {}) =>
  execute({ language: "bash", files: [{ name: "main.sh", content: code }], ...extra });

describe.concurrent("limits", () => {
  it("kills a busy loop at the timeout", async () => {
    const r = await py("while True:\n    pass\n", { limits: { timeoutMs: 1000 } });
    expect(r.status).toBe("timeout");
    expect(r.run?.timedOut).toBe(true);
    expect(r.run?.signal).toBe("SIGKILL");
    // Correctness bound (not a speed target): the kill happens at the deadline, not later.
    expect(r.run?.wallTimeMs).toBeLessThan(1000 + 2000);
  });

  it("kills a program that ignores SIGTERM and sleeps past the limit", async () => {
    const r = await py(
      "import signal, time\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\nprint('sleeping', flush=True)\ntime.sleep(60)\n",
      {
        limits: { timeoutMs: 1500 },
      },
    );
    expect(r.status).toBe("timeout");
    expect(r.run?.stdout).toBe("sleeping\n");
  });

  it("reports a memory hog as out of memory", async () => {
    const r = await py("chunks = []\nwhile True:\n    chunks.append(bytearray(16 * 1024 * 1024))\n", {
      limits: { memoryMb: 64 },
    });
    expect(r.status).toBe("memory_limit");
    expect(r.run?.outOfMemory).toBe(true);
  });

  it("stops a fork bomb at the pids limit", async () => {
    const r = await py(
      "import os, subprocess\nprocs = []\ntry:\n    for i in range(200):\n        procs.append(subprocess.Popen(['sleep', '30']))\nexcept OSError as e:\n    print('stopped after', len(procs), type(e).__name__)\n",
      { limits: { pids: 32, timeoutMs: 5000 } },
    );
    expect(r.run?.stdout).toMatch(/^stopped after \d+ (BlockingIOError|OSError)/);
    const started = Number(r.run?.stdout.split(" ")[2]);
    expect(started).toBeLessThan(32);
  });

  it("contains a classic shell fork bomb", async () => {
    const r = await sh(":(){ :|:& };:\n", { limits: { pids: 32, timeoutMs: 2000 } });
    expect(["timeout", "runtime_error", "ok"]).toContain(r.status);
    const next = await sh("echo alive\n");
    expect(next.run?.stdout).toBe("alive\n");
  });

  it("truncates an output flood and keeps the answer small", async () => {
    const r = await py("while True:\n    print('x' * 1000)\n", { limits: { outputKb: 32 } });
    expect(r.status).toBe("output_limit");
    expect(r.run?.outputTruncated).toBe(true);
    expect(Buffer.byteLength(r.run?.stdout ?? "")).toBeLessThanOrEqual(32 * 1024);
    expect(JSON.stringify(r).length).toBeLessThan(100 * 1024);
  });

  it("fills /tmp only up to its bound", async () => {
    const r = await py(
      "written = 0\ntry:\n    with open('/tmp/fill', 'wb') as f:\n        while True:\n            f.write(b'0' * (1 << 20))\n            f.flush()\n            written += 1\nexcept OSError as e:\n    print(written, e.errno)\n",
      { limits: { timeoutMs: 10000 } },
    );
    const [mb] = (r.run?.stdout ?? "").trim().split(" ").map(Number);
    // 64 MiB tmpfs by default: the program gets an error (or SIGXFSZ) at the bound.
    if (r.run?.signal) expect(r.run.signal).toBe("SIGXFSZ");
    else expect(mb).toBeLessThanOrEqual(64);
  });

  it("gives bounded inodes in the work dir", async () => {
    const r = await py(
      "import os\nn = 0\ntry:\n    while True:\n        open(f'f{n}', 'w').close()\n        n += 1\nexcept OSError as e:\n    print(n < 10000, e.errno)\n",
      { limits: { timeoutMs: 10000 } },
    );
    expect(r.run?.stdout).toBe("True 28\n");
  });
});

describe.concurrent("isolation", () => {
  it("has a read-only root", async () => {
    const r = await sh("touch /etc/x 2>&1; touch /usr/bin/x 2>&1; touch /x 2>&1; echo done\n");
    expect(r.run?.stdout.match(/Read-only file system/g)?.length).toBe(3);
  });

  it("has no network but loopback", async () => {
    const r = await sh("ls /sys/class/net\n");
    expect(r.run?.stdout.trim()).toBe("lo");
  });

  it("runs as a non-root user with no capabilities and no new privileges", async () => {
    const r = await sh("id -u\ngrep -E '^(CapEff|CapPrm|CapBnd|NoNewPrivs|Seccomp):' /proc/self/status\n");
    const out = r.run?.stdout ?? "";
    expect(out.split("\n")[0]).toBe("1000");
    expect(out).toMatch(/CapEff:\s+0000000000000000/);
    expect(out).toMatch(/CapBnd:\s+0000000000000000/);
    expect(out).toMatch(/NoNewPrivs:\s+1/);
    expect(out).toMatch(/Seccomp:\s+2/);
  });

  it("does not show the server's environment", async () => {
    process.env.RUNBOX_TEST_SECRET = "do-not-leak-4242";
    const r = await sh("env\ncat /proc/1/environ 2>&1 | tr '\\0' '\\n'\n", { env: { GREETING: "hi" } });
    const out = r.run?.stdout ?? "";
    expect(out).not.toContain("do-not-leak-4242");
    const names = out
      .split("\n")
      .filter((l) => /^[A-Z_]+=/.test(l))
      .map((l) => l.split("=")[0]);
    expect(new Set(names)).toEqual(new Set(["PATH", "HOME", "TMPDIR", "LANG", "GREETING", "PWD", "SHLVL", "_"]));
  });

  it("owns its files: they are writable by the program", async () => {
    const r = await execute({
      language: "bash",
      files: [
        {
          name: "main.sh",
          content: "echo changed > data/notes.txt && cat data/notes.txt && stat -c '%u' data/notes.txt\n",
        },
        { name: "data/notes.txt", content: "original\n" },
      ],
    });
    expect(r.run?.stdout).toBe("changed\n1000\n");
  });

  it("returns immediately when the program leaves background processes", async () => {
    const r = await sh("sleep 300 &\nnohup sleep 300 >/dev/null 2>&1 &\nsetsid sleep 300 &\necho started\n");
    expect(r.status).toBe("ok");
    expect(r.run?.stdout).toBe("started\n");
    expect(r.run?.wallTimeMs).toBeLessThan(5000);
  });

  it("turns invalid UTF-8 into replacement characters", async () => {
    const r = await py("import sys\nsys.stdout.buffer.write(b'ok \\xff\\xfe end\\n')\n");
    expect(r.run?.stdout).toBe("ok \uFFFD\uFFFD end\n");
  });
});

afterAll(async () => {
  await expectNoContainersLeft();
});
