import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteExercise, GET as getExercise } from "@/app/api/v1/exercises/[slug]/route";
import { POST as submit } from "@/app/api/v1/exercises/[slug]/submissions/route";
import { GET as listExercises, POST as putExercise } from "@/app/api/v1/exercises/route";
import { upsertExercise } from "@/lib/db/exercises";
import type { ExerciseDefinition } from "@/lib/judge/exercise";
import { readExerciseFolder, readExerciseFolders, readSolutions } from "@/lib/judge/exercise-files";
import { type JudgeMode, judge as judgeWith } from "@/lib/judge/judge";
import { parseSolution } from "@/lib/judge/solution";
import { engine } from "../support/engine";

/** Validate the solution as the routes do, then judge it with the test process's engine. */
const judge = (ex: ExerciseDefinition, solution: unknown, mode: JudgeMode) =>
  judgeWith(engine(), ex, parseSolution(engine(), ex, solution), mode);

const root = path.resolve(__dirname, "../../exercises");
const exercises = readExerciseFolders(root);
const TOKEN = "test-admin-token-0123456789";
// Before anything reads the configuration (env() caches it).
process.env.RUNBOX_ADMIN_TOKEN = TOKEN;

const post = (url: string, body: unknown, token?: string) =>
  new Request(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
const ctx = (slug: string) => ({ params: Promise.resolve({ slug }) });

/** A small exercise to aim bad solutions at: read n, print n*2. */
const doubler: ExerciseDefinition = {
  slug: "test-doubler",
  title: "Double it",
  statement: "Read n and print 2n.",
  difficulty: "easy",
  tags: ["test"],
  languages: null,
  starter: {},
  limits: { timeoutMs: 1000, memoryMb: 64 },
  checker: { type: "trimmed" },
  tests: [
    { stdin: "1\n", expected: "2\n", hidden: false, points: 1 },
    { stdin: "21\n", expected: "42\n", hidden: true, points: 2 },
    { stdin: "-5\n", expected: "-10\n", hidden: true, points: 2 },
  ],
  order: 999,
};

beforeAll(async () => {
  await upsertExercise(doubler, "api");
});

describe("seeded exercises", () => {
  it("has at least 13 exercises, each with visible and hidden tests and two reference languages", () => {
    expect(exercises.length).toBeGreaterThanOrEqual(13);
    for (const ex of exercises) {
      expect(
        ex.tests.some((t) => !t.hidden),
        ex.slug,
      ).toBe(true);
      expect(
        ex.tests.some((t) => t.hidden),
        ex.slug,
      ).toBe(true);
      expect(readSolutions(path.join(root, ex.slug)).length, ex.slug).toBeGreaterThanOrEqual(2);
    }
  });

  describe.concurrent.each(exercises.map((ex) => [ex.slug, ex] as const))("%s", (slug, ex) => {
    it.each(readSolutions(path.join(root, slug)).map((s) => [s.language, s] as const))(
      "accepts the %s reference solution",
      async (_language, solution) => {
        const result = await judge(ex, solution, "submit");
        const failures = result.tests.filter((t) => t.verdict !== "AC").map((t) => `#${t.index} ${t.verdict}`);
        expect(failures).toEqual([]);
        expect(result.verdict).toBe("AC");
        expect(result.score).toBe(result.maxScore);
      },
    );
  });
});

describe.concurrent("verdicts", () => {
  const py = (code: string) => ({ language: "python", files: [{ name: "main.py", content: code }] });
  const cases: [string, { language: string; files: { name: string; content: string }[] }, string][] = [
    ["a correct solution", py("print(int(input()) * 2)"), "AC"],
    ["a wrong answer", py("print(int(input()) * 3)"), "WA"],
    ["an output flood", py("while True: print('x' * 1000)"), "OLE"],
    ["a slow solution", py("while True: pass"), "TLE"],
    ["a memory hog", py("x = bytearray(512 * 1024 * 1024)"), "MLE"],
    ["a crash", py("raise RuntimeError('boom')"), "RE"],
    ["a compile error", { language: "c", files: [{ name: "main.c", content: "int main(void) { return x; }" }] }, "CE"],
  ];
  it.each(cases)("gives %s its verdict", async (_name, solution, verdict) => {
    const result = await judge(doubler, solution, "submit");
    expect(result.verdict).toBe(verdict);
    if (verdict === "AC") expect(result.score).toBe(5);
    else expect(result.tests[0]?.verdict).toBe(verdict);
  });

  it("scores partial solutions by points and reports the first failing test's verdict", async () => {
    const result = await judge(doubler, py("n = int(input())\nprint(n * 2 if n > 0 else 0)"), "submit");
    expect(result.tests.map((t) => t.verdict)).toEqual(["AC", "AC", "WA"]);
    expect(result.verdict).toBe("WA");
    expect(result.score).toBe(3);
    expect(result.maxScore).toBe(5);
  });

  it("compiles once and runs every test in one container (C++)", async () => {
    const result = await judge(
      doubler,
      {
        language: "c++",
        files: [
          { name: "main.cpp", content: "#include <iostream>\nint main(){long n;std::cin>>n;std::cout<<2*n<<'\\n';}" },
        ],
      },
      "submit",
    );
    expect(result.compile?.exitCode).toBe(0);
    expect(result.tests.map((t) => t.verdict)).toEqual(["AC", "AC", "AC"]);
  });

  it("runs only the visible tests for samples", async () => {
    const result = await judge(doubler, py("print(int(input()) * 2)"), "samples");
    expect(result.tests.map((t) => t.index)).toEqual([0]);
  });

  it("never lets a submission see files another submission left", async () => {
    const first = await judge(
      doubler,
      py("import os\nopen('/tmp/mark','w').write('x')\nprint(int(input())*2)"),
      "submit",
    );
    expect(first.verdict).toBe("AC");
    const second = await judge(
      doubler,
      py("import os\nprint(int(input())*2 if not os.path.exists('/tmp/mark') else 'leak')"),
      "submit",
    );
    expect(second.verdict).toBe("AC");
  });
});

describe("exercise API", () => {
  it("lists exercises and shows one without its hidden tests", async () => {
    const list = await (await listExercises()).json();
    expect(list.exercises.map((e: { slug: string }) => e.slug)).toContain("test-doubler");
    const body = await (await getExercise(new Request("http://x"), ctx("test-doubler"))).json();
    expect(body.samples).toEqual([{ stdin: "1\n", expected: "2\n" }]);
    expect(JSON.stringify(body)).not.toContain("42");
    expect(JSON.stringify(body)).not.toContain("-10");
    expect((await getExercise(new Request("http://x"), ctx("nope"))).status).toBe(404);
  });

  it("judges a submission and never reveals hidden data", async () => {
    const res = await submit(
      post("http://x", { language: "python", files: [{ name: "main.py", content: "print(int(input()) * 3)" }] }),
      ctx("test-doubler"),
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ verdict: "WA", score: 0, maxScore: 5 });
    expect(body.id).toMatch(/^[\w-]{21}$/);
    expect(body.tests[0]).toMatchObject({
      index: 0,
      hidden: false,
      verdict: "WA",
      stdin: "1\n",
      expected: "2\n",
      actual: "3\n",
    });
    for (const t of body.tests.slice(1)) {
      // A verdict only: hidden tests' time and memory could spell out their input.
      expect(Object.keys(t).sort()).toEqual(["hidden", "index", "points", "verdict"]);
    }
    const text = JSON.stringify(body);
    // Hidden stdin (21, -5), expected (42, -10) and actual (63, -15) lines, as they would appear
    // JSON-escaped; bare numbers could match the id or the timestamp.
    for (const secret of ["21\\n", "-5\\n", "42\\n", "-10\\n", "63\\n", "-15\\n"]) expect(text).not.toContain(secret);
  });

  it("explains a compile error and a crash on a visible test, but nothing from hidden tests", async () => {
    const send = (language: string, name: string, content: string) =>
      submit(post("http://x", { language, files: [{ name, content }] }), ctx("test-doubler")).then((r) => r.json());
    const ce = await send("c", "main.c", "int main(void) {\n  return missing;\n}\n");
    expect(ce.verdict).toBe("CE");
    expect(ce.debug).toMatchObject({ category: "name", stage: "compile" });
    expect(ce.debug.locations[0]).toMatchObject({ file: "main.c", line: 2 });
    const re = await send("python", "main.py", "n = int(input())\nprint(10 // (n - 1))\n");
    expect(re.verdict).toBe("RE");
    expect(re.debug).toMatchObject({ category: "zero_division", locations: [{ file: "main.py", line: 2 }] });
    const hiddenOnly = await send("python", "main.py", "n = int(input())\nassert n < 10, f'got {n}'\nprint(2 * n)\n");
    expect(hiddenOnly.tests.map((t: { verdict: string }) => t.verdict)).toEqual(["AC", "RE", "AC"]);
    expect(hiddenOnly.debug).toBeUndefined();
    expect(JSON.stringify(hiddenOnly)).not.toContain("got 21");
  });

  it("answers 400 for a submission without language or files, and 404 for an unknown exercise", async () => {
    expect((await submit(post("http://x", { files: [] }), ctx("test-doubler"))).status).toBe(400);
    expect(
      (await submit(post("http://x", { language: "cobol", files: [{ content: "x" }] }), ctx("test-doubler"))).status,
    ).toBe(400);
    expect(
      (await submit(post("http://x", { language: "python", files: [{ content: "x" }] }), ctx("nope"))).status,
    ).toBe(404);
  });

  it("admin API refuses missing and wrong tokens, validates, creates and deletes", async () => {
    const def = { ...doubler, slug: "test-admin-made" };
    expect((await putExercise(post("http://x", def))).status).toBe(401);
    expect((await putExercise(post("http://x", def, "wrong-token-wrong-token"))).status).toBe(401);
    const bad = await putExercise(post("http://x", { ...def, slug: "Bad Slug", tests: [] }, TOKEN));
    expect(bad.status).toBe(400);
    const { error } = await bad.json();
    expect(error.fieldErrors.slug).toMatch(/lowercase/);
    expect(error.fieldErrors.tests).toMatch(/at least one test/);
    expect((await putExercise(post("http://x", def, TOKEN))).status).toBe(201);
    expect((await putExercise(post("http://x", def, TOKEN))).status).toBe(200);
    const del = (token?: string) =>
      deleteExercise(
        new Request("http://x", { method: "DELETE", headers: token ? { authorization: `Bearer ${token}` } : {} }),
        ctx("test-admin-made"),
      );
    expect((await del()).status).toBe(401);
    expect((await del(TOKEN)).status).toBe(200);
    expect((await del(TOKEN)).status).toBe(404);
  });

  it("reads exercise folders strictly", () => {
    expect(() => readExerciseFolder(path.join(root, "does-not-exist"))).toThrow();
  });
});
