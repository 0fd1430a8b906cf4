/**
 * Security round 2 (engine classes): each attack here worked against the engine before it was
 * fixed. Limits must hold in every stage, names must never be read as options, host files are
 * masked, and judge tests cannot pass data to one another.
 */
import { afterAll, describe, expect, it } from "vitest";
import { POST as createRun } from "@/app/api/v1/runs/route";
import type { ExerciseDefinition } from "@/lib/judge/exercise";
import { judge } from "@/lib/judge/judge";
import { parseSolution } from "@/lib/judge/solution";
import { engine, execute } from "../support/engine";
import { expectNoContainersLeft } from "./helpers";

const api = (body: unknown) =>
  createRun(
    new Request("http://127.0.0.1/api/v1/runs", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "10.77.0.1" },
      body: JSON.stringify(body),
    }),
  );

describe("limits hold in every stage", () => {
  it("never runs a compiled program with the compile stage's memory when its own cannot be applied", async () => {
    // A 24 MB initialised array makes a 24 MB binary in tmpfs, which the memory cgroup counts:
    // the kernel then refuses to lower the limit to 16 MB after compiling. Before the fix the
    // program ran anyway with the 768 MB compile limit and touched 300 MB.
    const source = `#include <stdio.h>
#include <stdlib.h>
char big[24 << 20] = {1};
int main(void) {
  volatile char *p = malloc(300u << 20);
  for (size_t i = 0; p && i < (300u << 20); i += 4096) p[i] = (char)i;
  printf("ran %d\\n", big[0] + (p ? p[4096] : 0));
  return 0;
}
`;
    const r = await execute({ language: "c", files: [{ name: "main.c", content: source }], limits: { memoryMb: 16 } });
    expect(r.compile?.exitCode).toBe(0);
    expect(r.status).toBe("memory_limit");
    expect(r.run?.stdout ?? "").not.toContain("ran");
    expect(r.run?.message ?? "").toMatch(/not started/);
  });

  it.each([
    [{ memoryMb: 4 }, /limits\.memoryMb/],
    [{ memoryMb: 1 }, /limits\.memoryMb/],
    [{ cpus: 1e-12 }, /limits\.cpus/],
    [{ cpus: 0.0001 }, /limits\.cpus/],
  ])("answers 400, not 500, for limits below the minimum: %j", async (limits, field) => {
    const res = await api({ language: "python", files: [{ content: "print(1)" }], limits });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(Object.keys(body.error.fieldErrors).join(" ")).toMatch(field);
    expect(body.error.message).toMatch(/at least/);
  });

  it.each([
    ["content", { files: [{ content: "print('\ud800')" }] }],
    ["stdin", { files: [{ content: "print(input())" }], stdin: "\udfff" }],
  ])("answers 400, not 500, for a lone UTF-16 surrogate in %s", async (_where, extra) => {
    const res = await api({ language: "python", ...extra });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/surrogate/);
  });

  it("gives the request's environment to the program only, never to the compiler", async () => {
    // NODE_OPTIONS would make tsc (a Node program) load the user's file inside the compile
    // stage, with the compile stage's larger limits.
    const r = await execute({
      language: "typescript",
      files: [
        { name: "main.ts", content: "console.log('main ran')" },
        { name: "evil.js", content: "process.stderr.write('EVIL-LOADED\\n')" },
      ],
      env: { NODE_OPTIONS: "--require ./evil.js" },
    });
    // Before: the compiler loaded (or failed to load) evil.js and the compile stage failed.
    expect(r.compile?.output ?? "").not.toMatch(/EVIL-LOADED|evil\.js/);
    expect(r.status).toBe("ok");
    expect(r.run?.stdout).toBe("main ran\n");
    // The program itself still gets its variables.
    expect(r.run?.stderr).toContain("EVIL-LOADED");
  });
});

describe("file names are never options", () => {
  it.each([
    ["c", "@o.c"],
    ["python", "-c"],
    ["c", "-wrapper.c"],
    ["javascript", "--inspect.js"],
  ])("refuses a %s file named %j with a 400", async (language, name) => {
    const res = await api({ language, files: [{ name, content: "x" }] });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/cannot start with '-' or '@'/);
  });

  it("compiles a Rust entry file whose name is not a crate name", async () => {
    for (const name of ["my-prog.rs", "my.prog.rs"]) {
      const r = await execute({ language: "rust", files: [{ name, content: 'fn main() { println!("rs ok"); }' }] });
      expect(r.run?.stdout, name).toBe("rs ok\n");
    }
  });

  it("tells why a Go entry file named *_test.go cannot be built", async () => {
    const res = await api({
      language: "go",
      files: [{ name: "prog_test.go", content: "package main\nfunc main(){}" }],
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/_test\.go/);
  });
});

describe("host-revealing files are masked", () => {
  it("shows programs nothing of the host's boot command line, kernel build, modules or disks", async () => {
    const paths = ["/proc/cmdline", "/proc/version", "/proc/modules", "/proc/partitions", "/proc/diskstats"];
    const r = await execute({
      language: "python",
      files: [
        {
          content: `import os\nfor p in ${JSON.stringify(paths)}:\n    try:\n        print(p, len(open(p).read()))\n    except OSError as e:\n        print(p, 'denied')\nprint('/sys/module', len(os.listdir('/sys/module')) if os.path.isdir('/sys/module') else 0)`,
        },
      ],
    });
    for (const p of [...paths, "/sys/module"]) expect(r.run?.stdout).toMatch(new RegExp(`^${p} (0|denied)$`, "m"));
  });

  it("still lets runtimes read what they need (CPU count, memory, cgroup limits)", async () => {
    const r = await execute({
      language: "javascript",
      files: [{ content: "const os = require('os'); console.log(os.cpus().length > 0, os.totalmem() > 0)" }],
    });
    expect(r.run?.stdout).toBe("true true\n");
  });
});

describe("judge tests cannot pass data to each other", () => {
  const leaky: ExerciseDefinition = {
    slug: "test-leaky",
    title: "Echo",
    statement: "Print the input.",
    difficulty: "easy",
    tags: [],
    languages: null,
    starter: {},
    limits: { timeoutMs: 2000, memoryMb: 128 },
    checker: { type: "trimmed" },
    // The hidden test comes first: a program could save its input and print it in the next.
    tests: [
      { stdin: "hidden-secret-7781\n", expected: "x\n", hidden: true, points: 1 },
      { stdin: "visible\n", expected: "visible\n", hidden: false, points: 1 },
    ],
    order: 0,
  };

  it.each([
    [
      "python",
      "main.py",
      [
        "import os, sys",
        "data = sys.stdin.read()",
        "found = []",
        "for p in ['/tmp/s', '/box/s', '/dev/shm/s', '/tmp/runbox/s']:",
        "    if os.path.exists(p): found.append(open(p).read())",
        "for p in ['/tmp/s', '/box/s', '/dev/shm/s', '/tmp/runbox/s']:",
        "    open(p, 'w').write(data)",
        "print(''.join(found) or data.strip())",
      ].join("\n"),
    ],
    [
      "c",
      "main.c",
      `#include <stdio.h>
#include <string.h>
#include <sys/shm.h>
int main(void) {
  char in[64] = {0};
  if (!fgets(in, sizeof in, stdin)) return 1;
  int id = shmget(4242, 64, 0600);
  if (id >= 0) { char *m = shmat(id, 0, 0); printf("%s", m); return 0; }
  id = shmget(4242, 64, IPC_CREAT | 0600);
  char *m = shmat(id, 0, 0);
  strcpy(m, in);
  FILE *f = fopen("/tmp/runbox/s", "w"); if (f) { fputs(in, f); fclose(f); }
  printf("%s", in);
  return 0;
}`,
    ],
  ])("%s: a later test sees none of what an earlier (hidden) test wrote", async (language, name, content) => {
    const req = parseSolution(engine(), leaky, { language, files: [{ name, content }] });
    const result = await judge(engine(), leaky, req, "submit");
    const visible = result.tests.find((t) => !t.hidden);
    expect(visible?.actual).toBe("visible\n");
    expect(JSON.stringify(result.tests.filter((t) => !t.hidden))).not.toContain("hidden-secret");
  });

  it("shows hidden tests' verdicts only, and resources over all tests coarsely", async () => {
    const req = parseSolution(engine(), leaky, {
      language: "python",
      files: [{ name: "main.py", content: "print(input())" }],
    });
    const { submitSolution } = await import("@/lib/judge/submit");
    const answer = await submitSolution(engine(), leaky, req, { ownerId: null, mode: "submit" });
    const hidden = answer.tests.find((t) => t.hidden);
    expect(Object.keys(hidden ?? {}).sort()).toEqual(["hidden", "index", "points", "verdict"]);
    expect((answer.maxTimeMs ?? 0) % 100).toBe(0);
    expect((answer.maxMemoryBytes ?? 0) % (4 * 1024 * 1024)).toBe(0);
  });
});

afterAll(async () => {
  await expectNoContainersLeft();
});

describe("probing hidden tests by submitting fast", () => {
  it("limits graded submissions per person per exercise per minute (samples stay free)", async () => {
    const { POST: submit } = await import("@/app/api/v1/exercises/[slug]/submissions/route");
    const send = (slug: string, ip: string) =>
      submit(
        new Request(`http://127.0.0.1/api/v1/exercises/${slug}/submissions`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-runbox-client-ip": ip },
          body: JSON.stringify({
            language: "python",
            files: [{ name: "main.py", content: "print(int(input()) * 2)" }],
          }),
        }),
        { params: Promise.resolve({ slug }) },
      );
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await send("hello-name", "10.66.0.1")).status);
    expect(statuses.slice(0, 6).every((s) => s === 200)).toBe(true);
    const refused = await send("hello-name", "10.66.0.1");
    expect(refused.status).toBe(429);
    const body = await refused.json();
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.message).toMatch(/submitted this exercise many times/);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another exercise, or another person, is not held back.
    expect((await send("sum-two", "10.66.0.1")).status).toBe(200);
    expect((await send("hello-name", "10.66.0.2")).status).toBe(200);
  });
});

describe("reading stored runs through the API", () => {
  it("counts reads with the address's page views, so a flood of reads ends in 429", async () => {
    const { GET: getRun } = await import("@/app/api/v1/runs/[id]/route");
    const read = () =>
      getRun(new Request("http://127.0.0.1/api/v1/runs/nope", { headers: { "x-runbox-client-ip": "10.99.0.1" } }), {
        params: Promise.resolve({ id: "nope" }),
      });
    const statuses = new Set<number>();
    for (let i = 0; i < 400 && !statuses.has(429); i++) statuses.add((await read()).status);
    expect(statuses.has(404)).toBe(true);
    expect(statuses.has(429)).toBe(true);
  });
});
