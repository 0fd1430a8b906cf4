/**
 * Every authorization rule of accounts, classes and exercises, tried through the real server as
 * the right user (it works) and as each wrong one, and without a session (404, or the sign-in
 * page for pages that need an account). Ids in URLs are never enough.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assign } from "@/lib/db/assignments";
import { createAuthored, setVisibility, updateAuthored, verificationHash } from "@/lib/db/authored-exercises";
import { addMember, createClass, getClass } from "@/lib/db/classes";
import { ExerciseDefinition } from "@/lib/judge/exercise";
import { accountWithSession, removeAccounts, uniqueName } from "./account-helpers";
import { callActionIn, callFormAction, startServer, type TestServer } from "./server-process";

let server: TestServer;
type Account = Awaited<ReturnType<typeof accountWithSession>>;
let teacher: Account;
let otherTeacher: Account;
let student: Account;
let outsider: Account;
let classId: string;
let assignmentId: string;
let submissionId: string;
const slug = uniqueName("private-sum");
const ANON = "";

const SOLUTION = {
  language: "python",
  files: [{ name: "main.py", content: "a, b = map(int, input().split())\nprint(a + b)" }],
};

beforeAll(async () => {
  server = await startServer({ RUNBOX_SECRET: "authz-test-secret-0123456789-abcdef-0" });
  teacher = await accountWithSession("teach", "teacher");
  otherTeacher = await accountWithSession("other", "teacher");
  student = await accountWithSession("stud");
  outsider = await accountWithSession("out");
  // A teacher's exercise, published to their classes, assigned to a class the student is in.
  const def = ExerciseDefinition.parse({
    slug,
    title: "Private sum",
    statement: "Print a + b.",
    difficulty: "easy",
    limits: { timeoutMs: 2000, memoryMb: 128 },
    tests: [
      { stdin: "1 2\n", expected: "3\n" },
      { stdin: "40 2\n", expected: "42\n", hidden: true },
    ],
  });
  await createAuthored(def, teacher.id, SOLUTION as never);
  await updateAuthored(def, SOLUTION as never, verificationHash(def, SOLUTION as never));
  await setVisibility(slug, "classes");
  classId = await createClass(teacher.id, "Period 1");
  await addMember(classId, student.id);
  await assign(classId, slug, null);
  const { db } = await import("@/lib/db/client");
  assignmentId = ((await (await db()).assignment.findFirst({ where: { classId } })) as { id: string }).id;
  const judged = await callActionIn(
    "app/actions.ts",
    server.base,
    `/exercises/${slug}`,
    "judgeSolution",
    [slug, SOLUTION, "submit"],
    {
      cookie: student.cookie,
    },
  );
  submissionId = (judged.result as { judgement: { id: string; verdict: string } }).judgement.id;
  expect((judged.result as { judgement: { verdict: string } }).judgement.verdict).toBe("AC");
});
afterAll(async () => {
  await server?.stop();
  await removeAccounts([teacher, otherTeacher, student, outsider].filter(Boolean).map((a) => a.id));
});

const get = (path: string, cookie: string) =>
  fetch(`${server.base}${path}`, { headers: { cookie }, redirect: "manual" });
const status = async (path: string, cookie: string) => (await get(path, cookie)).status;

describe("pages and routes", () => {
  it("a class page: its teacher and members only", async () => {
    const path = `/classes/${classId}`;
    expect(await status(path, teacher.cookie)).toBe(200);
    expect(await status(path, student.cookie)).toBe(200);
    expect(await status(path, otherTeacher.cookie)).toBe(404);
    expect(await status(path, outsider.cookie)).toBe(404);
    expect(await status(path, ANON)).toBe(307);
    // A member never sees the roster or the join code.
    const asStudent = await (await get(path, student.cookie)).text();
    const c = await getClass(classId);
    expect(asStudent).not.toContain(c?.joinCode ?? "-");
    expect(await (await get(path, teacher.cookie)).text()).toContain(student.username);
    expect(asStudent).not.toContain(student.username.replace("stud", "nope"));
  });

  it("the dashboard, its CSV, a cell and the similarity report: the class's teacher only", async () => {
    for (const path of [
      `/classes/${classId}/dashboard`,
      `/classes/${classId}/dashboard.csv`,
      `/classes/${classId}/students/${student.id}/${slug}`,
      `/classes/${classId}/assignments/${assignmentId}/similarity`,
    ]) {
      expect(await status(path, teacher.cookie), path).toBe(200);
      for (const who of [student, otherTeacher, outsider]) expect(await status(path, who.cookie), path).toBe(404);
      expect([307, 404], path).toContain(await status(path, ANON));
    }
    const csv = await (await get(`/classes/${classId}/dashboard.csv`, teacher.cookie)).text();
    expect(csv).toContain(`${student.username},AC,2/2,1,`);
    // Not a member of the class: no cell, even for its teacher.
    expect(await status(`/classes/${classId}/students/${outsider.id}/${slug}`, teacher.cookie)).toBe(404);
    // Not assigned to the class: no cell.
    expect(await status(`/classes/${classId}/students/${student.id}/hello-name`, teacher.cookie)).toBe(404);
  });

  it("a submission: its owner and their teacher only", async () => {
    const path = `/submissions/${submissionId}`;
    const own = await get(path, student.cookie);
    expect(own.status).toBe(200);
    // The owner sees a hidden test's verdict, never its input.
    expect(await own.text()).not.toContain("40 2");
    const asTeacher = await get(path, teacher.cookie);
    expect(asTeacher.status).toBe(200);
    expect(await asTeacher.text()).toContain(student.username);
    for (const who of [otherTeacher, outsider]) expect(await status(path, who.cookie)).toBe(404);
    expect(await status(path, ANON)).toBe(404);
  });

  it("a private exercise: its author and the classes it is assigned to, nowhere in the catalog or the API", async () => {
    const path = `/exercises/${slug}`;
    expect(await status(path, teacher.cookie)).toBe(200);
    expect(await status(path, student.cookie)).toBe(200);
    for (const who of [otherTeacher, outsider]) expect(await status(path, who.cookie)).toBe(404);
    expect(await status(path, ANON)).toBe(404);
    expect(await status(`/api/v1/exercises/${slug}`, teacher.cookie)).toBe(404);
    expect(await (await get("/api/v1/exercises", ANON)).text()).not.toContain(slug);
    expect(await (await get("/exercises", outsider.cookie)).text()).not.toContain(slug);
    const api = await fetch(`${server.base}/api/v1/exercises/${slug}/submissions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(SOLUTION),
    });
    expect(api.status).toBe(404);
    // Its editor: the author only.
    expect(await status(`/teach/exercises/${slug}`, teacher.cookie)).toBe(200);
    for (const who of [otherTeacher, student]) expect(await status(`/teach/exercises/${slug}`, who.cookie)).toBe(404);
    // A folder's exercise has no editor.
    expect(await status("/teach/exercises/hello-name", teacher.cookie)).toBe(404);
  });

  it("teacher and admin pages need the role", async () => {
    expect(await status("/teach/exercises/new", student.cookie)).toBe(404);
    expect(await status("/teach/exercises/new", teacher.cookie)).toBe(200);
    expect(await status("/admin/users", teacher.cookie)).toBe(404);
    expect(await status("/admin/users", ANON)).toBe(307);
  });
});

describe("server actions", () => {
  const action = (file: string, name: string, args: unknown[], cookie: string) =>
    callActionIn(file, server.base, "/", name, args, { cookie });

  it("judging a private exercise: only those who may see it", async () => {
    for (const who of [outsider.cookie, otherTeacher.cookie, ANON]) {
      const r = await action("app/actions.ts", "judgeSolution", [slug, SOLUTION, "submit"], who);
      expect(r.result).toMatchObject({ ok: false, error: { code: "not_found" } });
    }
  });

  it("managing a class: its teacher only", async () => {
    const before = (await getClass(classId))?.joinCode;
    for (const who of [otherTeacher.cookie, student.cookie, ANON]) {
      expect((await action("app/classes/actions.ts", "joinCodeAction", [classId, true], who)).result).toMatchObject({
        error: "This class does not exist.",
      });
      expect(
        (await action("app/classes/actions.ts", "removeStudentAction", [classId, student.id], who)).result,
      ).toMatchObject({ error: "This class does not exist." });
      const assigned = await callFormAction(
        "app/classes/actions.ts",
        server.base,
        "/",
        "assignAction",
        { exercise: "hello-name" },
        { cookie: who },
        [classId],
      );
      expect(assigned.result).toMatchObject({ error: "This class does not exist." });
      expect(
        (await action("app/classes/actions.ts", "unassignAction", [classId, assignmentId], who)).result,
      ).toMatchObject({ error: "This class does not exist." });
    }
    expect((await getClass(classId))?.joinCode).toBe(before);
    expect((await getClass(classId))?.members).toBe(1);
    // Its teacher may; a private exercise of another teacher may not be assigned.
    const ok = await callFormAction(
      "app/classes/actions.ts",
      server.base,
      "/",
      "assignAction",
      { exercise: "hello-name" },
      { cookie: teacher.cookie },
      [classId],
    );
    expect(ok.result).toMatchObject({ ok: "Assigned." });
    const theirs = await callFormAction(
      "app/classes/actions.ts",
      server.base,
      "/",
      "assignAction",
      { exercise: slug },
      { cookie: otherTeacher.cookie },
      [await createClass(otherTeacher.id, "Theirs")],
    );
    expect(theirs.result).toMatchObject({ error: /Choose an exercise/ });
  });

  it("editing and publishing an exercise: its author; the catalog: an admin", async () => {
    const form = {
      title: "Hijack",
      difficulty: "easy",
      statement: "x",
      tests: [{ stdin: "", expected: "" }],
      timeoutMs: 1000,
      memoryMb: 64,
      reference: { language: "python", code: "print()" },
    };
    for (const who of [otherTeacher.cookie, student.cookie, ANON]) {
      const r = await action("app/teach/actions.ts", "saveExerciseAction", [slug, form], who);
      expect((r.result as { ok: boolean }).ok).toBe(false);
      const v = await action("app/teach/actions.ts", "setVisibilityAction", [slug, "draft"], who);
      expect(v.result).toMatchObject({ ok: false, error: { code: "not_found" } });
    }
    const pub = await action("app/teach/actions.ts", "setVisibilityAction", [slug, "public"], teacher.cookie);
    expect(pub.result).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await status(`/exercises/${slug}`, outsider.cookie)).toBe(404);
  });

  it("changing roles: admins only", async () => {
    const r = await callFormAction(
      "app/admin/actions.ts",
      server.base,
      "/",
      "setRoleAction",
      { role: "admin" },
      { cookie: teacher.cookie },
      [teacher.id],
    );
    expect(r.result).toMatchObject({ error: "Only admins change roles." });
  });

  it("joining: a valid code only; a revoked code lets nobody in", async () => {
    const bad = await callFormAction(
      "app/classes/actions.ts",
      server.base,
      "/",
      "joinClassAction",
      { code: "ABCDE-FGHJK" },
      { cookie: outsider.cookie },
    );
    expect(bad.result).toMatchObject({ error: /No class has this code/ });
    await action("app/classes/actions.ts", "joinCodeAction", [classId, true], teacher.cookie);
    expect((await getClass(classId))?.joinCode).toBeNull();
    expect(await status(`/classes/${classId}`, outsider.cookie)).toBe(404);
  });
});
