import { randomBytes } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { AccountPage } from "./pages/account-page";
import { TeacherPages } from "./pages/teacher-pages";
import { setEditorText } from "./support/monaco";

// RUNBOX_ADMIN_USERS names this account in playwright.config.ts.
const ADMIN = { username: "e2e-admin", password: "e2e admin pass phrase" };
const PASSWORD = "a long classroom passphrase";
const SOLUTION = "a, b = map(int, input().split())\nprint(a + b)\n";
// The same program, renamed: the similarity report pairs the two students.
const COPIED = "x, y = map(int, input().split())  # mine\nprint(x + y)\n";
const shots = process.env.RUNBOX_SCREENSHOTS === "1";

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  return context.newPage();
}

/** Join with the link (signing up on the way), open the assignment, submit, and wait for the verdict. */
async function studentSolves(page: Page, joinLink: string, username: string, slug: string, code: string) {
  await page.goto(joinLink);
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fjoin%2F/);
  await page.getByRole("link", { name: "Create an account" }).click();
  await new AccountPage(page).signUp(username, PASSWORD, false);
  await expect(page).toHaveURL(/\/join\//);
  await page.getByTestId("join-confirm").click();
  const row = page.locator(`[data-testid="assigned-row"][data-slug="${slug}"]`);
  await expect(row).toHaveAttribute("data-status", "new");
  await row.getByRole("link").click();
  await expect(page.getByTestId("exercise-title")).toBeVisible();
  await page.getByTestId("language").selectOption("python");
  await setEditorText(page, code);
  await page.getByTestId("submit").click();
  await expect(page.getByTestId("overall-verdict")).toHaveAttribute("data-verdict", "AC");
  // A hidden test shows its verdict only.
  await expect(page.locator('[data-testid="test-cell"][data-verdict="AC"]')).toHaveCount(2);
  const link = page.getByTestId("submission-link").first();
  await expect(link).toBeVisible();
  return (await link.getAttribute("href")) ?? "";
}

test("a teacher runs a class from the browser: exercise, assignment, dashboard, CSV, similarity", async ({
  browser,
}) => {
  test.setTimeout(420_000);
  const tag = randomBytes(3).toString("hex");
  const names = { teacher: `teacher-${tag}`, ada: `ada-${tag}`, bob: `bob-${tag}` };

  // The admin first (on a fresh database the first account is an admin anyway), then a teacher
  // signs up, as a student, and the admin makes them a teacher.
  const admin = await newPage(browser);
  await new AccountPage(admin).signInOrUp(ADMIN.username, ADMIN.password);
  const teacher = await newPage(browser);
  await new AccountPage(teacher).signUp(names.teacher, PASSWORD);
  await expect(teacher.getByTestId("account-role")).toHaveAttribute("data-role", "student");
  await admin.goto("/admin/users");
  const row = admin.locator(`[data-testid="user-row"][data-username="${names.teacher}"]`);
  await row.getByTestId("role-select").selectOption("teacher");
  await row.getByTestId("role-save").click();
  await expect(row.getByTestId("form-ok")).toHaveText("Now teacher.");

  // The class, and an exercise with a hidden test whose reference solution is accepted.
  const t = new TeacherPages(teacher);
  await teacher.goto("/account");
  await expect(teacher.getByTestId("account-role")).toHaveAttribute("data-role", "teacher");
  const { id: classId, joinLink } = await t.createClass(`Period 3 ${tag}`);
  const slug = await t.writeExercise({
    title: `Sum of two ${tag}`,
    statement:
      "Read two integers **a** and **b** on one line and print `a + b`.\n\n| input | output |\n| --- | --- |\n| `2 3` | `5` |\n",
    tests: [
      { stdin: "2 3\n", expected: "5\n", hidden: false },
      { stdin: "40 2\n", expected: "42\n", hidden: true },
    ],
    reference: SOLUTION,
  });
  await expect(teacher.getByTestId("ex-preview").locator("table")).toBeVisible();
  await t.publishToClasses();
  if (shots) await teacher.screenshot({ path: "docs/teacher-editor.png", fullPage: true });
  await t.assign(classId, slug);
  // A catalog exercise too, which nobody solves: its cells stay empty.
  await t.assign(classId, "hello-name");

  // Two students join with the link and solve it (the second copies the first).
  const ada = await newPage(browser);
  const adaSubmission = await studentSolves(ada, joinLink, names.ada, slug, SOLUTION);
  const bob = await newPage(browser);
  await studentSolves(bob, joinLink, names.bob, slug, COPIED);

  // The teacher's grid turns green; the CSV has the row; a cell opens the code.
  await teacher.goto(`/classes/${classId}/dashboard`);
  await expect(t.cell(names.ada)).toHaveAttribute("data-verdict", "AC");
  await expect(t.cell(names.bob)).toHaveAttribute("data-verdict", "AC");
  await expect(teacher.getByTestId("grid-cell").filter({ hasText: "0 tries" })).toHaveCount(2);
  if (shots) await teacher.screenshot({ path: "docs/teacher-dashboard.png" });
  const csv = await (await teacher.request.get(`/classes/${classId}/dashboard.csv`)).text();
  expect(csv.split("\r\n")[0]).toContain(`${slug} verdict`);
  expect(csv).toMatch(new RegExp(`^${names.ada},AC,2/2,1,\\d{4}-`, "m"));
  await t.cell(names.ada).getByRole("link").click();
  await expect(teacher.getByTestId("code-viewer")).toBeVisible();
  await expect(teacher.getByTestId("overall-verdict")).toHaveAttribute("data-verdict", "AC");
  // The teacher sees the hidden test's input; the student never does.
  await expect(teacher.getByTestId("submission-view")).toBeVisible();

  // The similarity report pairs the two.
  await teacher.goto(`/classes/${classId}`);
  await expect(teacher.getByTestId("roster-row")).toHaveCount(2);
  if (shots) await teacher.screenshot({ path: "docs/teacher-class.png", fullPage: true });
  await teacher
    .locator(`[data-testid="assignment-row"][data-slug="${slug}"]`)
    .getByRole("link", { name: "Similarity report" })
    .click();
  await expect(teacher.getByTestId("similarity-pair")).toHaveCount(1);
  await expect(teacher.getByTestId("similarity-pair")).toContainText(names.ada);
  await expect(teacher.locator("mark").first()).toBeVisible();
  if (shots) await teacher.screenshot({ path: "docs/teacher-similarity.png" });

  // A second student cannot open the first one's submission, nor the dashboard.
  expect((await bob.goto(adaSubmission))?.status()).toBe(404);
  expect((await bob.goto(`/classes/${classId}/dashboard`))?.status()).toBe(404);
  expect((await ada.goto(adaSubmission))?.status()).toBe(200);
  for (const p of [teacher, admin, ada, bob]) await p.context().close();
});
