import fs from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures";
import { setEditorText } from "./support/monaco";

const slug = "hello-name";
const solution = fs.readFileSync(
  path.resolve(import.meta.dirname, `../exercises/${slug}/solutions/python/main.py`),
  "utf8",
);

const setCode = setEditorText;

test("solves an exercise in the browser and sees progress on the catalog", async ({ page }) => {
  await page.goto("/exercises");
  const rows = page.getByTestId("exercise-row");
  expect(await rows.count()).toBeGreaterThanOrEqual(13);
  await expect(page.locator(`[data-testid="exercise-row"][data-slug="${slug}"]`)).toHaveAttribute(
    "data-progress",
    "new",
  );

  await page.locator(`[data-testid="exercise-row"][data-slug="${slug}"] a`).click();
  await expect(page.getByTestId("exercise-title")).toBeVisible();
  await page.getByTestId("language").selectOption("python");

  // A wrong answer on the samples shows a diff of expected and actual output.
  await setCode(page, "print('nope')\n");
  await page.getByTestId("run-samples").click();
  await expect(page.getByTestId("overall-verdict")).toHaveAttribute("data-verdict", "WA");
  await expect(page.getByTestId("output-diff").first()).toContainText("nope");
  await expect(page.locator('[data-testid="test-cell"][data-verdict="WA"]').first()).toBeVisible();

  // The reference solution turns the whole grid green.
  await setCode(page, solution);
  await page.getByTestId("submit").click();
  await expect(page.getByTestId("overall-verdict")).toHaveAttribute("data-verdict", "AC");
  const cells = page.getByTestId("test-cell");
  expect(await cells.count()).toBeGreaterThanOrEqual(4);
  for (const cell of await cells.all()) await expect(cell).toHaveAttribute("data-verdict", "AC");
  await expect(page.locator('[data-testid="submission-row"][data-verdict="AC"]')).toHaveCount(1);

  await page.getByTestId("nav-exercises").click();
  await expect(page.locator(`[data-testid="exercise-row"][data-slug="${slug}"]`)).toHaveAttribute(
    "data-progress",
    "solved",
  );
  await expect(page.getByTestId("progress-summary")).toContainText("1 of");
});
