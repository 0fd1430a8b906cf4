import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { AccountPage } from "./pages/account-page";
import { ApiKeysPage } from "./pages/api-keys-page";

// RUNBOX_ADMIN_USERS names this account in playwright.config.ts.
const ADMIN = { username: "e2e-admin", password: "e2e admin pass phrase" };
const PASSWORD = "a long api passphrase";
const shots = process.env.RUNBOX_SCREENSHOTS === "1";

// The fixtures' page, so every test is guarded (no console error such as a CSP refusal, no
// request leaving the machine, no dialog).
test.use({ viewport: { width: 1280, height: 900 } });

const runWith = (page: Page, token: string) =>
  page.request.post("/api/v1/runs", {
    headers: { authorization: `Bearer ${token}` },
    data: { language: "python", files: [{ content: "print('from a key')" }] },
  });

test("a user makes a key on the account page, uses it, sees the run in history, revokes it", async ({ page }) => {
  const username = `keys-${randomBytes(3).toString("hex")}`;
  await new AccountPage(page).signUp(username, PASSWORD);
  const keys = new ApiKeysPage(page);
  await page.goto("/account");
  await expect(keys.section.getByTestId("no-keys")).toBeVisible();

  const token = await keys.create("grading script");
  await expect(keys.section.getByTestId("new-key-box")).toContainText("it will not be shown again");
  if (shots) await keys.section.screenshot({ path: "docs/api-keys.png" });
  await page.screenshot({ path: "test-results/account-keys.png", fullPage: true });

  const res = await runWith(page, token);
  expect(res.status()).toBe(200);
  const { id } = await res.json();
  expect(res.headers()["ratelimit-remaining"]).toMatch(/^\d+$/);

  // Shown once: after a reload only its first characters are on the page.
  await page.reload();
  await expect(keys.row("grading script")).toContainText(`${token.slice(0, 12)}…`);
  await expect(keys.row("grading script")).toContainText(/1 of \d+ runs today/);
  expect(await page.content()).not.toContain(token);

  // The run is this user's: in their history.
  await page.goto("/runs");
  await expect(page.locator(`a[href="/runs/${id}"]`).first()).toBeVisible();

  await page.goto("/account");
  await keys.revoke("grading script");
  expect((await runWith(page, token)).status()).toBe(401);
});

test("the admin page: engines, keys with their limits, exercises made through the API", async ({ page: admin }) => {
  await new AccountPage(admin).signInOrUp(ADMIN.username, ADMIN.password);
  // The admin's own key also opens the exercise admin API.
  const token = await new ApiKeysPage(admin).create(`admin key ${randomBytes(2).toString("hex")}`);
  const slug = `e2e-api-${randomBytes(3).toString("hex")}`;
  const made = await admin.request.post("/api/v1/exercises", {
    headers: { authorization: `Bearer ${token}` },
    data: {
      slug,
      title: "Made through the API",
      statement: "Print 1.",
      difficulty: "easy",
      limits: { timeoutMs: 2000, memoryMb: 128 },
      tests: [{ stdin: "", expected: "1\n" }],
    },
  });
  expect(made.status()).toBe(201);
  await runWith(admin, token);

  await admin.goto("/");
  await admin.getByTestId("nav-admin").click();
  await expect(admin).toHaveURL(/\/admin$/);
  await expect(admin.getByTestId("admin-engine-row").first()).toHaveAttribute("data-state", "up");
  await expect(admin.getByTestId("admin-queue")).toContainText("run slots in use");
  await expect(admin.getByTestId("admin-role-counts")).toContainText("admin");

  const keyRow = admin.locator('[data-testid="admin-key-row"][data-username="e2e-admin"]').first();
  await keyRow.getByTestId("key-per-minute").fill("abc");
  await keyRow.getByTestId("key-limits-save").click();
  await expect(keyRow.getByTestId("form-error")).toContainText("whole number");
  await keyRow.getByTestId("key-per-minute").fill("30");
  await keyRow.getByTestId("key-limits-save").click();
  await expect(keyRow.getByTestId("form-ok")).toHaveText("Limits saved.");

  const exRow = admin.locator(`[data-testid="admin-exercise-row"][data-slug="${slug}"]`);
  await expect(exRow).toContainText("admin API");
  await expect(exRow).toHaveAttribute("data-visibility", "public");
  if (shots) await admin.screenshot({ path: "docs/admin.png", fullPage: true });
  await admin.screenshot({ path: "test-results/admin.png", fullPage: true });
  await exRow.getByTestId("exercise-unpublish").click();
  await expect(exRow).toHaveAttribute("data-visibility", "draft");
  expect((await admin.request.get(`/api/v1/exercises/${slug}`)).status()).toBe(404);
  await exRow.getByTestId("exercise-publish").click();
  await expect(exRow).toHaveAttribute("data-visibility", "public");
  await exRow.getByTestId("exercise-delete").click();
  await expect(exRow).toHaveCount(0);
});

test("the admin page is not there for anyone else", async ({ page }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin/);
  await new AccountPage(page).signUp(`student-${randomBytes(3).toString("hex")}`, PASSWORD);
  // Asked with this browser's session (a navigation to a 404 would log a console error).
  expect((await page.request.get("/admin")).status()).toBe(404);
  await page.goto("/");
  await expect(page.getByTestId("nav-api")).toBeVisible();
  await expect(page.getByTestId("nav-admin")).toHaveCount(0);
});

test("the API reference renders from our own origin, linked from the header", async ({ page }) => {
  await page.goto("/");
  const loaded: string[] = [];
  page.on("request", (r) => loaded.push(r.url()));
  await page.getByTestId("nav-api").click();
  await expect(page).toHaveURL(/\/docs\/api$/);
  // The page's policy is the strict one of every page: Swagger UI needs no eval and no inline script.
  const csp = (await page.request.get("/docs/api")).headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
  expect(csp).not.toContain("unsafe-eval");
  const reference = page.getByTestId("api-reference");
  await expect(reference.locator(".opblock-summary-path", { hasText: "/api/v1/runs" }).first()).toBeVisible();
  await expect(reference.locator(".opblock-summary-path", { hasText: "/api/v2/execute" })).toBeVisible();
  await expect(reference).toContainText("Runbox API");
  // An operation opens with its request body schema and example.
  await reference.locator("#operations-Native-createRun").locator(".opblock-summary").click();
  const op = reference.locator("#operations-Native-createRun");
  await expect(op).toContainText("Request body");
  await expect(op).toContainText("print(input()*2)");
  await expect(op).toContainText("Runs left in that window");
  // The schemas the routes use, by name.
  await reference.locator(".models").getByRole("button", { name: "Schemas" }).click();
  await expect(reference.locator(".models")).toContainText("ExecuteRequest");
  await expect(reference.locator(".models")).toContainText("NativeRunResponse");
  // Everything it loaded came from this server.
  const origin = new URL(page.url()).origin;
  expect(loaded.filter((u) => /^(https?|wss?):/.test(u) && new URL(u).origin !== origin)).toEqual([]);
  expect(loaded.some((u) => u.endsWith("/api/openapi.json"))).toBe(true);
  await page.evaluate(() => window.scrollTo(0, 0));
  if (shots) await page.screenshot({ path: "docs/api-reference.png" });
  await page.screenshot({ path: "test-results/api-reference.png", fullPage: true });
});
