import { beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteExercise, GET as getExercise } from "@/app/api/v1/exercises/[slug]/route";
import { POST as submit } from "@/app/api/v1/exercises/[slug]/submissions/route";
import { GET as listExercises, POST as putExercise } from "@/app/api/v1/exercises/route";
import { upsertExercise } from "@/lib/db/exercises";
import { doubler } from "./exercise-fixtures";

// The exercise and submission API over lib/db (run on SQLite and on PostgreSQL); judging itself
// is tested in judge.test.ts.

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

beforeAll(async () => {
  await upsertExercise(doubler, "api");
});

describe("exercise API", () => {
  it("lists exercises and shows one without its hidden tests", async () => {
    const list = await (await listExercises(new Request("http://x"))).json();
    expect(list.exercises.map((e: { slug: string }) => e.slug)).toContain("test-doubler");
    const body = await (await getExercise(new Request("http://x"), ctx("test-doubler"))).json();
    expect(body.samples).toEqual([{ stdin: "1\n", expected: "2\n" }]);
    expect(JSON.stringify(body)).not.toContain("42");
    expect(JSON.stringify(body)).not.toContain("-10");
    expect((await getExercise(new Request("http://x"), ctx("nope"))).status).toBe(404);
    // A NUL (/api/v1/exercises/%00) is not an error on PostgreSQL either.
    expect((await getExercise(new Request("http://x"), ctx("nope\0"))).status).toBe(404);
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
    // PostgreSQL's text cannot hold NUL: refused as bad input, never a 500.
    const nul = await putExercise(post("http://x", { ...def, title: "Dou\0ble", statement: "\0" }, TOKEN));
    expect(nul.status).toBe(400);
    expect((await nul.json()).error.fieldErrors).toMatchObject({
      title: expect.stringMatching(/NUL/),
      statement: expect.stringMatching(/NUL/),
    });
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
});
