/**
 * A client made from /api/openapi.json alone, used with an API key against the built server with
 * keyless calls turned off (RUNBOX_API_ANONYMOUS=false): every operation is called as the
 * document describes it (path, parameters, body from its example, the key as its security scheme
 * says), and every answer matches the document.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listRuns } from "@/lib/db/runs";
import { listSubmissions } from "@/lib/db/submissions";
import { openApiDocument } from "@/lib/openapi/document";
import { expectContract } from "../support/contract";
import { HttpRefusal, TestSocket } from "../support/ws-client";
import { removeAccounts } from "./account-helpers";
import { accountWithKey } from "./api-key-helpers";
import { startServer, type TestServer } from "./server-process";

type Operation = {
  operationId: string;
  security: Record<string, string[]>[];
  parameters?: { name: string; in: string; example: string }[];
  requestBody?: { content: { "application/json": { example: unknown } } };
};
type Doc = { paths: Record<string, Record<string, Operation>> };

let server: TestServer;
let admin: Awaited<ReturnType<typeof accountWithKey>>;
let doc: Doc;

beforeAll(async () => {
  admin = await accountWithKey("openapi-client", { role: "admin" });
  // Other files in this worker may have set an admin token; this server has none (its admin API is off).
  delete process.env.RUNBOX_ADMIN_TOKEN;
  server = await startServer({ RUNBOX_API_ANONYMOUS: "false" });
  doc = (await (await fetch(`${server.base}/api/openapi.json`)).json()) as Doc;
});
afterAll(async () => {
  await server?.stop();
  await removeAccounts([admin.id]);
});

/** The generated client: operations by id, requests built from the document. */
function client(token: string | null) {
  const ops = new Map<string, { method: string; path: string; op: Operation }>();
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(methods)) ops.set(op.operationId, { method, path, op });
  return {
    operations: [...ops.keys()],
    async call(operationId: string, args: { params?: Record<string, string>; body?: unknown } = {}) {
      const found = ops.get(operationId);
      if (!found) throw new Error(`no operation ${operationId}`);
      const { method, path, op } = found;
      let url = path;
      for (const p of op.parameters ?? [])
        if (p.in === "path") url = url.replace(`{${p.name}}`, encodeURIComponent(args.params?.[p.name] ?? p.example));
      const body = args.body ?? op.requestBody?.content["application/json"].example;
      const keyed = op.security.some((s) => "apiKey" in s);
      const res = await fetch(`${server.base}${url}`, {
        method: method.toUpperCase(),
        headers: {
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...(keyed && token ? { authorization: `Bearer ${token}` } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { res, method, path, body: await expectContract(method, path, res) };
    },
  };
}

describe("a client generated from /api/openapi.json", () => {
  it("is the document the code generates", () => {
    expect(doc).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });

  it("without a key, gets a 401 that says how to send one, from every keyed operation", async () => {
    const c = client(null);
    for (const id of c.operations.filter((o) => !["health", "openapi"].includes(o))) {
      const { res, body } = await c.call(id);
      // The admin API answers 403 when no admin token is configured and no key is sent.
      expect(res.status, id).toBe(["saveExercise", "deleteExercise"].includes(id) ? 403 : 401);
      expect(JSON.stringify(body), id).toMatch(/API key|admin token/);
    }
    await expect(TestSocket.open(`${server.base.replace("http", "ws")}/api/v2/connect`)).rejects.toEqual(
      new HttpRefusal(401),
    );
    expect((await client(null).call("health")).res.status).toBe(200);
  });

  it("with a key, calls every operation and gets what the document promises", async () => {
    const c = client(admin.token);
    const called = new Set<string>();
    const ok = async (id: string, args?: Parameters<typeof c.call>[1]) => {
      const r = await c.call(id, args);
      expect(r.res.status, `${id}: ${JSON.stringify(r.body).slice(0, 300)}`).toBeLessThan(300);
      called.add(id);
      return r.body as Record<string, unknown>;
    };
    const run = await ok("createRun");
    expect(run).toMatchObject({ status: "ok", run: { stdout: "abab\n" } });
    expect(await ok("getRun", { params: { id: run.id as string } })).toMatchObject({ id: run.id, stdin: "ab\n" });
    await ok("listLanguages");
    await ok("saveExercise");
    await ok("listExercises");
    expect(await ok("getExercise", { params: { slug: "doubler" } })).toMatchObject({ slug: "doubler", testCount: 2 });
    expect(await ok("submitSolution")).toMatchObject({ verdict: "AC" });
    await ok("deleteExercise");
    await ok("pistonRuntimes");
    expect(await ok("pistonExecute")).toMatchObject({ run: { stdout: "abab\n" } });
    await ok("health");
    await ok("openapi");
    expect([...called].sort()).toEqual([...c.operations].sort());

    // What the key made is its user's.
    const mine = await listRuns({ ownerId: admin.id });
    expect(mine.total).toBe(2);
    expect((await listSubmissions("hello-name", admin.id)).map((s) => s.verdict)).toEqual(["AC"]);
  });
});
