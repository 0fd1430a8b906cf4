/**
 * Accounts through the real server: sign-up and sign-in set an HttpOnly session cookie stored in
 * the database, rotate it, sign out (here and everywhere), throttle guessing per account and per
 * address, and adopt the anonymous browser's runs, shares and submissions.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { PASSWORD, removeAccounts, uniqueName } from "./account-helpers";
import { callAction, callFormAction, setCookieValue, startServer, type TestServer } from "./server-process";

const ACCOUNT = "app/account/actions.ts";
let server: TestServer;
const made: string[] = [];

beforeAll(async () => {
  server = await startServer({
    RUNBOX_TRUSTED_PROXIES: "127.0.0.1, ::1",
    RUNBOX_SIGNIN_RATE_LIMIT_PER_MINUTE: "12",
    RUNBOX_SECRET: "accounts-test-secret-0123456789-abcdef",
  });
});
afterAll(async () => {
  await server?.stop();
  await removeAccounts(made);
});

/** A client behind the trusted proxy: each test names its own address. */
const from = (ip: string) => ({ "x-forwarded-for": ip });

async function signUp(ip: string, username: string, password = PASSWORD, cookie?: string) {
  const fields = { username, password, confirm: password, next: "/account" };
  const r = await callFormAction(ACCOUNT, server.base, "/sign-up", "signUpAction", fields, {
    ...from(ip),
    ...(cookie ? { cookie } : {}),
  });
  const user = await (await db()).user.findUnique({ where: { username } });
  if (user) made.push(user.id);
  return { ...r, session: setCookieValue(r.response, "runbox_session"), userId: user?.id };
}

async function signIn(ip: string, username: string, password: string, cookie?: string) {
  const r = await callFormAction(
    ACCOUNT,
    server.base,
    "/sign-in",
    "signInAction",
    { username, password, next: "/account" },
    { ...from(ip), ...(cookie ? { cookie } : {}) },
  );
  return { ...r, session: setCookieValue(r.response, "runbox_session") };
}

const page = (path: string, cookie: string, ip = "198.51.100.1") =>
  fetch(`${server.base}${path}`, { headers: { cookie, ...from(ip) }, redirect: "manual" });

describe("sessions", () => {
  it("signs up with a session cookie kept in the database, HttpOnly and SameSite", async () => {
    const name = uniqueName("ada");
    const r = await signUp("198.51.100.10", name);
    expect(r.session).toMatch(/^[\w-]{43}$/);
    const header = r.response.headers.getSetCookie().find((c) => c.startsWith("runbox_session="));
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/SameSite=lax/i);
    const rows = await (await db()).session.findMany({ where: { userId: r.userId } });
    expect(rows).toHaveLength(1);
    // Only the token's hash is stored.
    expect(rows[0]?.id).not.toContain(r.session);
    const account = await page("/account", `runbox_session=${r.session}`);
    expect(account.status).toBe(200);
    expect(await account.text()).toContain(name);
    // Without it: the sign-in page.
    expect((await page("/account", "")).status).toBe(307);
  });

  it("refuses weak passwords, taken names and bad names with a reason", async () => {
    const taken = uniqueName("bob");
    await signUp("198.51.100.11", taken);
    const cases: [string, string, RegExp][] = [
      [uniqueName("c"), "short", /at least 10/],
      [uniqueName("c"), "password123", /common passwords/],
      [uniqueName("c"), "aaaaaaaaaaaa", /simple pattern/],
      [taken, PASSWORD, /taken/],
      ["x", PASSWORD, /3 to 32/],
    ];
    for (const [username, password, message] of cases) {
      const r = await signUp("198.51.100.11", username, password);
      expect(r.session).toBeNull();
      expect(r.body).toMatch(message);
    }
  });

  it("rotates the session on sign-in, ends it on sign-out, and everywhere at once", async () => {
    const name = uniqueName("cy");
    const first = (await signUp("198.51.100.12", name)).session as string;
    const second = (await signIn("198.51.100.12", name, PASSWORD, `runbox_session=${first}`)).session as string;
    expect(second).toMatch(/^[\w-]{43}$/);
    expect(second).not.toBe(first);
    // Signing in on a browser that had a session ends that session.
    expect((await page("/account", `runbox_session=${first}`)).status).toBe(307);
    expect((await page("/account", `runbox_session=${second}`)).status).toBe(200);

    const third = (await signIn("198.51.100.12", name, PASSWORD)).session as string;
    const out = await callFormAction(
      ACCOUNT,
      server.base,
      "/account",
      "signOutAction",
      {},
      {
        cookie: `runbox_session=${second}`,
        ...from("198.51.100.12"),
      },
    );
    expect(setCookieValue(out.response, "runbox_session")).toBe("");
    expect((await page("/account", `runbox_session=${second}`)).status).toBe(307);
    expect((await page("/account", `runbox_session=${third}`)).status).toBe(200);

    const fourth = (await signIn("198.51.100.12", name, PASSWORD)).session as string;
    await callFormAction(
      ACCOUNT,
      server.base,
      "/account",
      "signOutEverywhereAction",
      {},
      {
        cookie: `runbox_session=${fourth}`,
        ...from("198.51.100.12"),
      },
    );
    for (const token of [third, fourth]) expect((await page("/account", `runbox_session=${token}`)).status).toBe(307);
  });

  it("treats a forged or unknown session token as signed out", async () => {
    for (const token of ["x".repeat(43), "not-a-token", `${"A".repeat(42)}=`])
      expect((await page("/account", `runbox_session=${token}`)).status).toBe(307);
  });
});

describe("password change", () => {
  it("needs the current password and signs every other browser out", async () => {
    const ip = "198.51.100.60";
    const name = uniqueName("gus");
    const here = (await signUp(ip, name)).session as string;
    const there = (await signIn(ip, name, PASSWORD)).session as string;
    const change = (current: string) =>
      callFormAction(
        ACCOUNT,
        server.base,
        "/account",
        "changePasswordAction",
        { current, password: "a brand new passphrase", confirm: "a brand new passphrase" },
        { cookie: `runbox_session=${here}`, ...from(ip) },
      );
    expect((await change("not my password")).result).toMatchObject({ error: "The current password is wrong." });
    expect((await page("/account", `runbox_session=${there}`)).status).toBe(200);
    expect((await change(PASSWORD)).result).toMatchObject({ ok: expect.stringContaining("1 other browser") });
    expect((await page("/account", `runbox_session=${there}`)).status).toBe(307);
    expect((await page("/account", `runbox_session=${here}`)).status).toBe(200);
    expect((await signIn(ip, name, PASSWORD)).session).toBeNull();
    expect((await signIn(ip, name, "a brand new passphrase")).session).toMatch(/^[\w-]{43}$/);
  });
});

describe("throttling", () => {
  it("makes an account wait after 5 failures in a row, even for the right password, from any address", async () => {
    const name = uniqueName("dee");
    await signUp("198.51.100.20", name);
    for (let i = 0; i < 5; i++) {
      const r = await signIn(`198.51.100.${21 + i}`, name, "wrong password here");
      expect(r.body).toContain("Wrong username or password.");
    }
    const locked = await signIn("198.51.100.30", name, PASSWORD);
    expect(locked.session).toBeNull();
    expect(locked.body).toMatch(/Too many failed sign-ins for this account: try again in \d+ s/);
    // Kept in the database: a restart does not reset it.
    const row = await (await db()).user.findUnique({ where: { username: name } });
    expect(row?.failedSignIns).toBe(5);
    // Another account is not affected.
    const other = uniqueName("eve");
    await signUp("198.51.100.31", other);
    expect((await signIn("198.51.100.31", other, PASSWORD)).session).toMatch(/^[\w-]{43}$/);
  });

  it("limits attempts per address, whatever the usernames", async () => {
    const answers: string[] = [];
    for (let i = 0; i < 13; i++) {
      const r = await signIn("198.51.100.40", uniqueName("nobody"), "whatever it is");
      answers.push(/Too many attempts from your network address/.test(r.body) ? "limited" : "wrong");
    }
    expect(answers.slice(0, 12)).toEqual(Array(12).fill("wrong"));
    expect(answers[12]).toBe("limited");
    // Another address is not.
    expect((await signIn("198.51.100.41", uniqueName("nobody"), "whatever it is")).body).toContain("Wrong username");
  });
});

describe("adoption", () => {
  it("gives the anonymous browser's runs, shares and submissions to the account it signs up", async () => {
    const ip = "198.51.100.50";
    const run = await callAction(
      server.base,
      "/",
      "startRun",
      [{ language: "python", files: [{ name: "main.py", content: "print('mine')" }] }],
      from(ip),
    );
    const browser = run.cookie as string;
    const runId = (run.result as { id: string }).id;
    await (await fetch(`${server.base}/api/runs/${runId}/events`, { headers: { cookie: browser } })).text();
    const share = await callAction(server.base, "/", "shareRun", [runId], { cookie: browser, ...from(ip) });
    const slug = (share.result as { slug: string }).slug;
    const judged = await callAction(
      server.base,
      "/exercises/hello-name",
      "judgeSolution",
      [
        "hello-name",
        { language: "python", files: [{ name: "main.py", content: "print('Hello, ' + input() + '!')" }] },
        "submit",
      ],
      { cookie: browser, ...from(ip) },
    );
    const submissionId = (judged.result as { judgement: { id: string } }).judgement.id;
    expect((await page(`/runs/${runId}`, browser, ip)).status).toBe(200);

    const signed = await signUp(ip, uniqueName("fay"), PASSWORD, browser);
    const session = `runbox_session=${signed.session}`;
    const client = await db();
    expect((await client.run.findUnique({ where: { id: runId } }))?.ownerId).toBe(signed.userId);
    expect((await client.share.findUnique({ where: { slug } }))?.ownerId).toBe(signed.userId);
    expect((await client.submission.findUnique({ where: { id: submissionId } }))?.ownerId).toBe(signed.userId);
    // The account sees them; the old anonymous cookie alone no longer does.
    expect((await page(`/runs/${runId}`, session, ip)).status).toBe(200);
    expect(await (await page("/runs", session, ip)).text()).toContain(runId);
    expect((await page(`/submissions/${submissionId}`, session, ip)).status).toBe(200);
    expect((await page(`/runs/${runId}`, browser, ip)).status).toBe(404);
    // The browser got a new anonymous id at sign-up.
    const fresh = setCookieValue(signed.response, "runbox_owner");
    expect(fresh).toMatch(/^[\w-]{21}\.[\w-]{43}$/);
    expect(`runbox_owner=${fresh}`).not.toBe(browser);
  });
});
