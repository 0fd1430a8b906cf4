/**
 * The API reference against the routes: the document is valid OpenAPI 3.1, names every route
 * handler of /api/v1, /api/v2 and /api/health, and every route's real answers (successes and
 * errors, from the real engine and database) match it.
 */
import fs from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as openapi } from "@/app/api/openapi.json/route";
import { DELETE as deleteExercise, GET as getExercise } from "@/app/api/v1/exercises/[slug]/route";
import { POST as submit } from "@/app/api/v1/exercises/[slug]/submissions/route";
import { GET as listExercises, POST as saveExercise } from "@/app/api/v1/exercises/route";
import { GET as languages } from "@/app/api/v1/languages/route";
import { GET as getRun } from "@/app/api/v1/runs/[id]/route";
import { POST as createRun } from "@/app/api/v1/runs/route";
import { POST as pistonExecute } from "@/app/api/v2/execute/route";
import { GET as runtimes } from "@/app/api/v2/runtimes/route";
import { expectContract, openApi } from "../support/contract";
import { removeAccounts } from "./account-helpers";
import { accountWithKey, jsonRequest } from "./api-key-helpers";
import { doubler } from "./exercise-fixtures";

const TOKEN = "contract-admin-token-0123456789";
process.env.RUNBOX_ADMIN_TOKEN = TOKEN;

const ROOT = path.resolve(__dirname, "../..");
const accounts: string[] = [];
let key: Awaited<ReturnType<typeof accountWithKey>>;
let tight: Awaited<ReturnType<typeof accountWithKey>>;

beforeAll(async () => {
  key = await accountWithKey("contract");
  tight = await accountWithKey("contract-tight", { perMinute: 1 });
  accounts.push(key.id, tight.id);
});
afterAll(() => removeAccounts(accounts));

const slug = (s: string) => ({ params: Promise.resolve({ slug: s }) });
const id = (s: string) => ({ params: Promise.resolve({ id: s }) });
const BAD_KEY = { authorization: `Bearer rbx_${"x".repeat(43)}` };

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1", async () => {
    const res = await openapi();
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe("3.1.0");
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("has an operation for every route handler of /api/v1, /api/v2 and /api/health", () => {
    const handlers: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name === "route.ts") {
          const route = `/${path.relative(path.join(ROOT, "app"), dir)}`.replace(/\[(\w+)\]/g, "{$1}");
          for (const m of fs
            .readFileSync(full, "utf8")
            .matchAll(/export (?:async )?function (GET|POST|DELETE|PUT|PATCH)\b/g))
            handlers.push(`${m[1]?.toLowerCase()} ${route}`);
        }
      }
    };
    for (const dir of ["api/v1", "api/v2", "api/health"]) walk(path.join(ROOT, "app", dir));
    const documented = Object.entries(openApi.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
    expect(handlers.length).toBeGreaterThan(8);
    expect(handlers.filter((h) => !documented.includes(h))).toEqual([]);
  });
});

describe("real answers match the document", () => {
  it("native runs: success, failures, bad input, bad key, a body too large", async () => {
    const ok = await createRun(jsonRequest("POST", { language: "python", files: [{ content: "print(2*21)" }] }));
    const run = (await expectContract("post", "/api/v1/runs", ok)) as { id: string; status: string };
    expect(run.status).toBe("ok");
    const failing = await createRun(
      jsonRequest("POST", { language: "python", files: [{ content: "print(undefined_name)" }] }),
    );
    expect(((await expectContract("post", "/api/v1/runs", failing)) as { debug: unknown }).debug).toBeTruthy();
    const compileError = await createRun(jsonRequest("POST", { language: "c", files: [{ content: "int main({" }] }));
    expect(((await expectContract("post", "/api/v1/runs", compileError)) as { run: unknown }).run).toBeNull();
    const files = await createRun(
      jsonRequest("POST", {
        language: "python",
        files: [{ content: "open('/box/out/a.txt','w').write('hi')" }],
      }),
    );
    expect(((await expectContract("post", "/api/v1/runs", files)) as { outputs: unknown[] }).outputs).toHaveLength(1);
    const bad = await createRun(jsonRequest("POST", { language: "cobol", files: [] }));
    expect(bad.status).toBe(400);
    await expectContract("post", "/api/v1/runs", bad);
    const huge = await createRun(jsonRequest("POST", "x".repeat(5 * 1024 * 1024)));
    expect(huge.status).toBe(413);
    await expectContract("post", "/api/v1/runs", huge);
    const badKey = await createRun(jsonRequest("POST", { language: "python", files: [{ content: "1" }] }, BAD_KEY));
    expect(badKey.status).toBe(401);
    await expectContract("post", "/api/v1/runs", badKey);

    const stored = await getRun(jsonRequest("GET"), id(run.id));
    expect(stored.status).toBe(200);
    await expectContract("get", "/api/v1/runs/{id}", stored);
    const missing = await getRun(jsonRequest("GET"), id("no-such-run"));
    expect(missing.status).toBe(404);
    await expectContract("get", "/api/v1/runs/{id}", missing);
    await expectContract("get", "/api/v1/runs/{id}", await getRun(jsonRequest("GET", undefined, BAD_KEY), id(run.id)));
  });

  it("a key's run, its stored copy, and the quota's 429", async () => {
    const body = { language: "python", files: [{ content: "print(1)" }] };
    const first = await createRun(jsonRequest("POST", body, { authorization: tight.authorization }));
    const made = (await expectContract("post", "/api/v1/runs", first)) as { id: string };
    const again = await createRun(jsonRequest("POST", body, { authorization: tight.authorization }));
    expect(again.status).toBe(429);
    await expectContract("post", "/api/v1/runs", again);
    const mine = await getRun(jsonRequest("GET", undefined, { authorization: tight.authorization }), id(made.id));
    expect(mine.status).toBe(200);
    await expectContract("get", "/api/v1/runs/{id}", mine);
  });

  it("languages, runtimes and health", async () => {
    await expectContract("get", "/api/v1/languages", await languages(jsonRequest("GET")));
    await expectContract("get", "/api/v1/languages", await languages(jsonRequest("GET", undefined, BAD_KEY)));
    await expectContract(
      "get",
      "/api/v2/runtimes",
      await runtimes(jsonRequest("GET", undefined, { authorization: key.authorization })),
    );
    await expectContract("get", "/api/v2/runtimes", await runtimes(jsonRequest("GET", undefined, BAD_KEY)));
    const h = await health();
    expect(h.status).toBe(200);
    await expectContract("get", "/api/health", h);
    await expectContract("get", "/api/openapi.json", await openapi());
  });

  it("Piston: success, compile error, bad input, not JSON, bad key", async () => {
    const exec = (body: unknown, headers: Record<string, string> = {}) =>
      pistonExecute(jsonRequest("POST", body, headers));
    const ok = await exec(
      { language: "python", version: "*", files: [{ content: "print(input())" }], stdin: "hi\n" },
      { authorization: key.authorization },
    );
    expect(ok.status).toBe(200);
    await expectContract("post", "/api/v2/execute", ok);
    const ce = await exec({ language: "c", version: "*", files: [{ content: "int main({" }] });
    expect(((await expectContract("post", "/api/v2/execute", ce)) as { run?: unknown }).run).toBeUndefined();
    const bad = await exec({ language: "python", version: "*", files: [{ content: "1" }], run_timeout: -1 });
    expect(bad.status).toBe(400);
    expect(((await expectContract("post", "/api/v2/execute", bad)) as { message: string }).message).toBe(
      "run_timeout must be non-negative",
    );
    const notJson = await pistonExecute(
      new Request("http://127.0.0.1/api", { method: "POST", headers: { "content-type": "text/plain" }, body: "x" }),
    );
    expect(notJson.status).toBe(415);
    await expectContract("post", "/api/v2/execute", notJson);
    const badKey = await exec({ language: "python", version: "*", files: [{ content: "1" }] }, BAD_KEY);
    expect(badKey.status).toBe(401);
    await expectContract("post", "/api/v2/execute", badKey);
  });

  it("exercises: catalog, one exercise, submissions, the admin API", async () => {
    await expectContract("get", "/api/v1/exercises", await listExercises(jsonRequest("GET")));
    const hello = await getExercise(jsonRequest("GET"), slug("hello-name"));
    expect(hello.status).toBe(200);
    await expectContract("get", "/api/v1/exercises/{slug}", hello);
    await expectContract("get", "/api/v1/exercises/{slug}", await getExercise(jsonRequest("GET"), slug("nope")));

    const def = { ...doubler, slug: "contract-doubler" };
    const admin = { authorization: `Bearer ${TOKEN}` };
    const created = await saveExercise(jsonRequest("POST", def, admin));
    expect([200, 201]).toContain(created.status);
    await expectContract("post", "/api/v1/exercises", created);
    await expectContract("post", "/api/v1/exercises", await saveExercise(jsonRequest("POST", { slug: "X" }, admin)));
    await expectContract("post", "/api/v1/exercises", await saveExercise(jsonRequest("POST", def)));

    const solve = (files: unknown, headers: Record<string, string> = {}) =>
      submit(jsonRequest("POST", { language: "python", files }, headers), slug("contract-doubler"));
    const ac = await solve([{ content: "print(2*int(input()))" }], { authorization: key.authorization });
    expect(
      ((await expectContract("post", "/api/v1/exercises/{slug}/submissions", ac)) as { verdict: string }).verdict,
    ).toBe("AC");
    const re = await solve([{ content: "print(undefined_name)" }]);
    await expectContract("post", "/api/v1/exercises/{slug}/submissions", re);
    const badSolution = await submit(jsonRequest("POST", { language: 1 }), slug("contract-doubler"));
    expect(badSolution.status).toBe(400);
    await expectContract("post", "/api/v1/exercises/{slug}/submissions", badSolution);
    const noExercise = await submit(jsonRequest("POST", { language: "python", files: [] }), slug("nope"));
    await expectContract("post", "/api/v1/exercises/{slug}/submissions", noExercise);

    const del = await deleteExercise(jsonRequest("DELETE", undefined, admin), slug("contract-doubler"));
    expect(del.status).toBe(200);
    await expectContract("delete", "/api/v1/exercises/{slug}", del);
    await expectContract(
      "delete",
      "/api/v1/exercises/{slug}",
      await deleteExercise(jsonRequest("DELETE", undefined, admin), slug("contract-doubler")),
    );
    await expectContract(
      "delete",
      "/api/v1/exercises/{slug}",
      await deleteExercise(jsonRequest("DELETE"), slug("hello-name")),
    );
  });
});
