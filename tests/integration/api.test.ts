import { describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as languages } from "@/app/api/v1/languages/route";
import { GET as getRun } from "@/app/api/v1/runs/[id]/route";
import { POST as createRun } from "@/app/api/v1/runs/route";
import { POST as pistonExecute } from "@/app/api/v2/execute/route";
import { GET as runtimes } from "@/app/api/v2/runtimes/route";
import { LANGUAGES } from "@/lib/sandbox/languages";

const post = (body: unknown) =>
  new Request("http://127.0.0.1/api", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

const PISTON_STAGE_KEYS = [
  "code",
  "cpu_time",
  "memory",
  "message",
  "output",
  "signal",
  "status",
  "stderr",
  "stdout",
  "wall_time",
];

describe("health", () => {
  it("reports Docker and the database", async () => {
    const res = await health();
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.docker.ok).toBe(true);
    expect(body.database.ok).toBe(true);
    expect(body.languages).toBeGreaterThanOrEqual(12);
  });
});

describe("Piston v2", () => {
  it("lists runtimes in Piston's shape", async () => {
    const list = await (await runtimes(new Request("http://x"))).json();
    // Every built-in language, plus any custom one built from images/<name>/ (lua in this repo)
    const names: string[] = list.map((rt: { language: string }) => rt.language);
    expect(names).toEqual(expect.arrayContaining(LANGUAGES.map((l) => l.id)));
    expect(new Set(names).size).toBe(names.length);
    for (const rt of list) {
      expect(rt).toEqual(
        expect.objectContaining({
          language: expect.any(String),
          version: expect.any(String),
          aliases: expect.any(Array),
        }),
      );
    }
    expect(list.find((r: { language: string }) => r.language === "c++").aliases).toContain("cpp");
  });

  it("executes like Piston", async () => {
    const res = await pistonExecute(
      post({
        language: "py",
        version: "3",
        files: [{ content: "import sys\nprint(input()[::-1])\nsys.exit(2)" }],
        stdin: "abc\n",
      }),
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(Object.keys(body).sort()).toEqual(["language", "run", "version"]);
    expect(body.language).toBe("python");
    expect(Object.keys(body.run).sort()).toEqual(PISTON_STAGE_KEYS);
    expect(body.run).toMatchObject({
      stdout: "cba\n",
      stderr: "",
      output: "cba\n",
      code: 2,
      signal: null,
      status: "RE",
    });
    expect(body.run.wall_time).toBeGreaterThan(0);
  });

  it("has a compile stage for compiled languages and skips run when it fails", async () => {
    const ok = await (
      await pistonExecute(
        post({ language: "c", version: "*", files: [{ name: "a.c", content: "int main(){return 0;}" }] }),
      )
    ).json();
    expect(ok.compile).toMatchObject({ code: 0, status: null });
    expect(ok.run).toMatchObject({ code: 0, status: null });
    const bad = await (
      await pistonExecute(post({ language: "c", version: "*", files: [{ content: "int main(){return x;}" }] }))
    ).json();
    expect(bad.compile.code).not.toBe(0);
    expect(bad.compile.stderr).toMatch(/error/);
    expect(bad.run).toBeUndefined();
  });

  it("uses Piston's limit fields and status codes", async () => {
    const body = await (
      await pistonExecute(
        post({ language: "python", version: "*", files: [{ content: "while True: pass" }], run_timeout: 800 }),
      )
    ).json();
    expect(body.run.status).toBe("TO");
    expect(body.run.signal).toBe("SIGKILL");
    expect(body.run.code).toBeNull();
  });

  it("answers 400 { message } for bad input", async () => {
    for (const bad of [
      { language: "cobol", version: "*", files: [{ content: "x" }] },
      { language: "python", version: "*", files: [] },
      { language: "python", version: "*" },
      { version: "*", files: [{ content: "x" }] },
      { language: "python", version: "9.9.9", files: [{ content: "x" }] },
      "{not json",
    ]) {
      const res = await pistonExecute(post(bad));
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(Object.keys(body)).toEqual(["message"]);
      expect(body.message.length).toBeGreaterThan(5);
    }
  });
});

describe("native v1", () => {
  it("lists languages with limits", async () => {
    const body = await (await languages(new Request("http://x"))).json();
    const ids: string[] = body.languages.map((l: { id: string }) => l.id);
    expect(ids).toEqual(expect.arrayContaining(LANGUAGES.map((l) => l.id)));
    expect(new Set(ids).size).toBe(ids.length);
    expect(body.limits.maxima.timeoutMs).toBeGreaterThanOrEqual(body.limits.defaults.timeoutMs);
  });

  it("runs, stores and reads back a run", async () => {
    const res = await createRun(post({ language: "python", files: [{ name: "main.py", content: "print('stored')" }] }));
    expect(res.status).toBe(200);
    const run = await res.json();
    expect(run).toMatchObject({ status: "ok", language: "python", run: { stdout: "stored\n", exitCode: 0 } });
    expect(run.id).toMatch(/^[\w-]{21}$/);
    const stored = await getRun(new Request("http://x"), { params: Promise.resolve({ id: run.id }) });
    expect(stored.status).toBe(200);
    const body = await stored.json();
    expect(body).toMatchObject({ id: run.id, status: "ok", files: [{ name: "main.py", content: "print('stored')" }] });
    expect(body.run.stdout).toBe("stored\n");
    expect(body.ownerId).toBeUndefined();
  });

  it("stores a failing program as a normal result", async () => {
    const run = await (await createRun(post({ language: "python", files: [{ content: "1/0" }] }))).json();
    expect(run.status).toBe("runtime_error");
    expect(run.run.stderr).toMatch(/ZeroDivisionError/);
  });

  it("answers 404 for an unknown run, whatever characters its id has", async () => {
    // "\0" as /api/v1/runs/%00 decodes: PostgreSQL refuses NUL in a query, which must not be a 500.
    for (const id of ["nope", "\0", "a\0b", "é🎉", "%"]) {
      const res = await getRun(new Request("http://x"), { params: Promise.resolve({ id }) });
      expect(res.status, JSON.stringify(id)).toBe(404);
    }
  });

  it("answers 400 with field errors a person understands", async () => {
    const cases: [unknown, string, RegExp][] = [
      [{ language: "cobol", files: [{ content: "x" }] }, "language", /Unknown language/],
      [{ language: "python", files: [{ name: "../x.py", content: "x" }] }, "files.0.name", /'\.\.'/],
      [{ language: "python", files: [{ name: "/abs.py", content: "x" }] }, "files.0.name", /relative/],
      [{ language: "python", files: [{ name: "a\u0000.py", content: "x" }] }, "files.0.name", /control/],
      [
        { language: "python", files: [{ name: "a.py", content: "x" }], limits: { timeoutMs: 999999999 } },
        "limits.timeoutMs",
        /at most/,
      ],
      [
        { language: "python", files: [{ name: "a.py", content: "x" }], env: { PATH: "/" } },
        "env.PATH",
        /set by Runbox/,
      ],
      [{ language: "python", files: [] }, "files", /at least one file/],
    ];
    for (const [body, field, message] of cases) {
      const res = await createRun(post(body));
      expect(res.status).toBe(400);
      const { error } = await res.json();
      expect(error.code).toBe("invalid_request");
      expect(error.fieldErrors[field]).toMatch(message);
      expect(error.message.length).toBeGreaterThan(5);
    }
  });

  it("refuses a body that is too large with 413", async () => {
    const res = await createRun(post({ language: "python", files: [{ content: "x".repeat(5 * 1024 * 1024) }] }));
    expect(res.status).toBe(413);
  });
});
