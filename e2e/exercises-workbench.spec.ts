import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { setEditorText } from "./support/monaco";

const editorCode = (page: Page) => page.evaluate(() => window.monaco?.editor.getEditors()[0]?.getValue() ?? "");

async function open(page: Page, slug: string, language: string) {
  await page.goto(`/exercises/${slug}`);
  await page.getByTestId("language").selectOption(language);
  await page.waitForFunction(() => (window.monaco?.editor.getEditors().length ?? 0) > 0);
}

test("Ctrl+Enter in the editor runs the samples instead of inserting a line", async ({ page }) => {
  await open(page, "sum-two", "python");
  const code = "a, b = map(int, input().split())\nprint(a + b)\n";
  await setEditorText(page, code);
  await page.locator(".monaco-editor textarea").first().focus();
  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("overall-verdict")).toHaveAttribute("data-verdict", "AC");
  expect(await editorCode(page)).toBe(code);
  await expect(page.getByTestId("judge-announcement")).toHaveText("Samples: Accepted, 2 of 2 points.");
});

test("a compile error is one message, not a CE cell per test, and the compiler output appears once", async ({
  page,
}) => {
  await open(page, "sum-two", "c++");
  await setEditorText(page, "int main() { return undeclared_name; }\n");
  await page.getByTestId("run-samples").click();
  await expect(page.getByTestId("overall-verdict")).toHaveAttribute("data-verdict", "CE");
  await expect(page.getByTestId("compile-failed")).toBeVisible();
  await expect(page.getByTestId("test-cell")).toHaveCount(0);
  await expect(page.getByTestId("debug-message")).toBeVisible();
  const blocks = page.locator("pre").filter({ hasText: "undeclared_name" });
  await expect(blocks).toHaveCount(1);
});

test("your past submissions show their code, to you only", async ({ page, browser }) => {
  await open(page, "sum-two", "python");
  const code = "# my attempt\nprint(0)\n";
  await setEditorText(page, code);
  await page.getByTestId("submit").click();
  await expect(page.getByTestId("overall-verdict")).toHaveAttribute("data-verdict", "WA");
  await expect(page.getByTestId("submission-row")).toHaveCount(1);
  await page.getByTestId("submission-link").first().click();
  await expect(page.getByTestId("submission-view")).toBeVisible();
  await expect(page.locator(".view-lines")).toContainText("# my attempt");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Your submission");

  const other = await browser.newContext();
  const res = await (await other.newPage()).goto(page.url());
  expect(res?.status()).toBe(404);
  await other.close();
});

test("try your own input runs the solution on what you type", async ({ page }) => {
  await open(page, "sum-two", "python");
  await setEditorText(page, "a, b = map(int, input().split())\nprint('sum is', a + b)\n");
  const box = page.getByTestId("custom-input");
  await box.locator("summary").click();
  await page.getByTestId("custom-stdin").fill("20 22\n");
  await page.getByTestId("run-custom").click();
  await expect(box.getByTestId("result-status")).toHaveText("OK");
  await expect(box.getByTestId("output")).toHaveText("sum is 42\n");
  // Nothing was submitted.
  await expect(page.getByTestId("submission-row")).toHaveCount(0);
});

test("sum-two: a sum past 2,147,483,647 is really tested; 32-bit int fails, 64-bit passes", async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, "sum-two", "c++");
  await expect(page.getByText("but their sum can reach 4·10^9")).toBeVisible();
  const program = (type: string) =>
    `#include <iostream>\nint main() {\n    ${type} a, b;\n    std::cin >> a >> b;\n    std::cout << a + b << '\\n';\n}\n`;
  await setEditorText(page, program("int"));
  await page.getByTestId("submit").click();
  await expect(page.getByTestId("overall-verdict")).toHaveAttribute("data-verdict", "WA");
  await setEditorText(page, program("long long"));
  await page.getByTestId("submit").click();
  await expect(page.getByTestId("overall-verdict")).toHaveAttribute("data-verdict", "AC", { timeout: 60_000 });
});
