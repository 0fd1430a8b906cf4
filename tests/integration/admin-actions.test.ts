/**
 * The key and admin server actions through the built server, called as a browser calls them:
 * every admin action checks the role on the server (a student who posts the form changes
 * nothing), a user revokes only their own keys, and bad inputs get a sentence, not a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keyHashOf } from "@/lib/api-keys/token";
import { db } from "@/lib/db/client";
import { deleteExercise, getExerciseMeta, upsertExercise } from "@/lib/db/exercises";
import { removeAccounts } from "./account-helpers";
import { accountWithKey } from "./api-key-helpers";
import { doubler } from "./exercise-fixtures";
import { callFormAction, startServer, type TestServer } from "./server-process";

const KEYS = "app/account/api-key-actions.ts";
const ADMIN_KEYS = "app/admin/key-actions.ts";
const EXERCISES = "app/admin/exercise-actions.ts";
const SLUG = "admin-actions-doubler";

let server: TestServer;
let student: Awaited<ReturnType<typeof accountWithKey>>;
let admin: Awaited<ReturnType<typeof accountWithKey>>;

beforeAll(async () => {
  [student, admin] = await Promise.all([
    accountWithKey("actions-student"),
    accountWithKey("actions-admin", { role: "admin" }),
  ]);
  await upsertExercise({ ...doubler, slug: SLUG }, "api");
  server = await startServer({});
});
afterAll(async () => {
  await server?.stop();
  await deleteExercise(SLUG);
  await removeAccounts([student.id, admin.id]);
});

const act = (
  file: string,
  page: string,
  name: string,
  who: { cookie: string } | null,
  fields = {},
  bound: unknown[] = [],
) => callFormAction(file, server.base, page, name, fields, who ? { cookie: who.cookie } : {}, bound);
const keyRow = (id: string) => db().then((c) => c.apiKey.findUniqueOrThrow({ where: { id } }));

describe("admin actions check the role on the server", () => {
  it("a student posting them changes nothing", async () => {
    for (const [file, name, bound, fields] of [
      [ADMIN_KEYS, "setKeyLimitsAction", [admin.keyId], { perMinute: "1", perDay: "1" }],
      [ADMIN_KEYS, "adminRevokeKeyAction", [admin.keyId], {}],
      [EXERCISES, "unpublishExerciseAction", [SLUG], {}],
      [EXERCISES, "deleteExerciseAction", [SLUG], {}],
      [EXERCISES, "publishExerciseAction", [SLUG], {}],
    ] as const) {
      for (const who of [student, null]) {
        const r = await act(file, "/admin", name, who, fields, [...bound]);
        expect(r.status, name).toBe(200);
        expect((r.result as { error?: string }).error, name).toMatch(/^Only admins/);
      }
    }
    const row = await keyRow(admin.keyId);
    expect([row.perMinute, row.perDay, row.revokedAt]).toEqual([null, null, null]);
    expect((await getExerciseMeta(SLUG))?.visibility).toBe("public");
  });

  it("an admin changes a key's limits (bad numbers are refused), unpublishes, publishes and deletes", async () => {
    for (const bad of ["abc", "0", "-1", "1.5", "99999999", "1e3", "0x10"]) {
      const r = await act(ADMIN_KEYS, "/admin", "setKeyLimitsAction", admin, { perMinute: bad, perDay: "" }, [
        student.keyId,
      ]);
      expect((r.result as { error?: string }).error, bad).toMatch(/whole number from 1 to 1000000/);
    }
    const ok = await act(ADMIN_KEYS, "/admin", "setKeyLimitsAction", admin, { perMinute: "5", perDay: "" }, [
      student.keyId,
    ]);
    expect(ok.result).toEqual({ ok: "Limits saved." });
    expect(await keyRow(student.keyId)).toMatchObject({ perMinute: 5, perDay: null });
    const none = await act(ADMIN_KEYS, "/admin", "setKeyLimitsAction", admin, { perMinute: "5", perDay: "" }, ["nope"]);
    expect((none.result as { error?: string }).error).toBe("There is no such key.");

    await act(EXERCISES, "/admin", "unpublishExerciseAction", admin, {}, [SLUG]);
    expect((await getExerciseMeta(SLUG))?.visibility).toBe("draft");
    await act(EXERCISES, "/admin", "publishExerciseAction", admin, {}, [SLUG]);
    expect((await getExerciseMeta(SLUG))?.visibility).toBe("public");
    const del = await act(EXERCISES, "/admin", "deleteExerciseAction", admin, {}, [SLUG]);
    expect(del.result).toEqual({ ok: "Deleted." });
    expect(await getExerciseMeta(SLUG)).toBeNull();
  });
});

describe("key actions", () => {
  it("make a key for the signed-in user only, with a name a person can read", async () => {
    const anonymous = await act(KEYS, "/account", "createApiKeyAction", null, { name: "x" });
    expect(anonymous.result).toEqual({ error: "Sign in first." });
    for (const [name, message] of [
      ["", /Give the key a name/],
      ["   ", /Give the key a name/],
      ["x".repeat(61), /at most 60/],
      ["tab\there", /control characters/],
    ] as const) {
      const r = await act(KEYS, "/account", "createApiKeyAction", student, { name });
      expect((r.result as { error?: string }).error, JSON.stringify(name)).toMatch(message);
    }
    const made = await act(KEYS, "/account", "createApiKeyAction", student, { name: "  my script  " });
    const { token, ok } = made.result as { token: string; ok: string };
    expect(ok).toMatch(/“my script” made/);
    expect(token).toMatch(/^rbx_[0-9A-Za-z]{43}$/);
    const row = await (await db()).apiKey.findUniqueOrThrow({ where: { tokenHash: keyHashOf(token) } });
    expect(row).toMatchObject({ userId: student.id, name: "my script" });
    // The page lists it by its first characters, never the whole token.
    const page = await (await fetch(`${server.base}/account`, { headers: { cookie: student.cookie } })).text();
    expect(page).toContain(`rbx_${row.prefix}…`);
    expect(page).not.toContain(token);
  });

  it("revoke only the user's own keys", async () => {
    const theirs = await act(KEYS, "/account", "revokeApiKeyAction", student, {}, [admin.keyId]);
    expect((theirs.result as { error?: string }).error).toMatch(/no such key/);
    expect((await keyRow(admin.keyId)).revokedAt).toBeNull();
    const mine = await act(KEYS, "/account", "revokeApiKeyAction", student, {}, [student.keyId]);
    expect(mine.result).toEqual({ ok: "Revoked: it stops working at once." });
    expect((await keyRow(student.keyId)).revokedAt).not.toBeNull();
    const res = await fetch(`${server.base}/api/v1/languages`, { headers: { authorization: student.authorization } });
    expect(res.status).toBe(401);
  });
});
