import { expect, test } from "./fixtures";
import { PlaygroundPage } from "./pages/playground-page";

const markers = (page: import("@playwright/test").Page) =>
  page.evaluate(() =>
    (window.monaco?.editor.getModelMarkers({ owner: "runbox" }) ?? []).map((m) => ({
      line: m.startLineNumber,
      file: m.resource.path.split("/").pop(),
      message: m.message,
    })),
  );

const cursorLine = (page: import("@playwright/test").Page) =>
  page.evaluate(() => window.monaco?.editor.getEditors()[0]?.getPosition()?.lineNumber ?? 0);

test("a failing program gets a debug report, a marker on its line, and links to it", async ({ page }) => {
  const pg = new PlaygroundPage(page);
  await pg.goto();
  await pg.setCode("from helper import total\n\nprint(total([1, 2, 3]))\n");
  await pg.addFile("helper.py");
  await pg.setCode("def total(xs):\n    s = 0\n    for x in xs:\n        s += x\n    return s + missing_name\n");
  await pg.tab("main.py").click();
  await pg.runToEnd();

  const panel = page.getByTestId("debug-panel");
  await expect(panel).toHaveAttribute("data-category", "name");
  await expect(page.getByTestId("debug-title")).toContainText("missing_name");
  await expect(page.getByTestId("debug-hint")).not.toBeEmpty();
  await expect.poll(() => markers(page)).toContainEqual(expect.objectContaining({ file: "helper.py", line: 5 }));

  // The location opens the right tab and puts the cursor on the line.
  await page.locator('[data-testid="debug-location"][data-file="helper.py"]').first().click();
  await expect(pg.tab("helper.py")).toHaveAttribute("aria-selected", "true");
  await expect.poll(() => cursorLine(page)).toBe(5);

  // Markers clear when the code changes.
  await pg.setCode("def total(xs):\n    return sum(xs)\n");
  await expect.poll(() => markers(page)).toEqual([]);
  await pg.runToEnd();
  await expect(pg.output()).toHaveText("6\n");
  await expect(panel).toHaveCount(0);
});

test("a compile error is reported with every location", async ({ page }) => {
  const pg = new PlaygroundPage(page);
  await pg.goto();
  await pg.chooseLanguage("c");
  await pg.setCode('#include <stdio.h>\n\nint main(void) {\n  int a = 1\n  printf("%d\\n", b);\n  return 0;\n}\n');
  await pg.runToEnd();
  await expect(pg.status()).toHaveText("Compile error");
  const panel = page.getByTestId("debug-panel");
  await expect(panel).toBeVisible();
  expect(await page.getByTestId("debug-location").count()).toBeGreaterThanOrEqual(1);
  await expect.poll(async () => (await markers(page)).length).toBeGreaterThanOrEqual(1);
});

test("a syntax error found at run time reads as a syntax error everywhere, once, in the UI's words", async ({
  page,
}) => {
  const pg = new PlaygroundPage(page);
  await pg.goto();
  await pg.setCode("def f():\nprint(1)\n");
  await pg.runToEnd();
  // The status agrees with the report's badge (Python finds it only when it starts the program).
  await expect(pg.status()).toHaveText("Syntax error");
  await expect(pg.status()).toHaveAttribute("data-status", "runtime_error");
  await expect(page.getByTestId("debug-panel")).toContainText("Syntax error");
  await expect(pg.sentence()).toHaveText("The program could not be read, so none of it ran.");
  // The traceback is on screen once: in the output; the report keeps its cleaned copy folded.
  await expect(page.getByTestId("debug-message")).toBeHidden();
  await expect(page.locator("pre:visible").filter({ hasText: "IndentationError" })).toHaveCount(1);
  // The location does not repeat the headline.
  await expect(page.getByTestId("debug-location").locator("xpath=..")).toHaveText("main.py:2");
  // Hints are written with `code`: shown as code, not as backticks.
  const hint = page.getByTestId("debug-hint");
  await expect(hint.locator("code").first()).toBeVisible();
  expect(await hint.textContent()).not.toContain("`");
});

test("an input error speaks of the terminal and the Input box as the UI calls them", async ({ page }) => {
  const pg = new PlaygroundPage(page);
  await pg.goto();
  await pg.setCode("a = input()\nb = input()\n");
  await pg.setStdin("only one line\n");
  await pg.run();
  // The Input box's line is typed into the terminal first; the second input() waits for more.
  await expect(pg.output()).toContainText("only one line");
  await pg.terminal().click();
  await page.keyboard.press("Control+D");
  await expect(pg.status()).toBeVisible();
  await expect(page.getByTestId("debug-hint")).toContainText("Ctrl-D ends it in the terminal");
  await expect(page.getByTestId("debug-hint")).not.toContainText("stdin");
});

test("history and the result bar agree on the time, and say which time it is", async ({ page }) => {
  const pg = new PlaygroundPage(page);
  await pg.goto();
  await pg.setCode(`print('timing ${Date.now()}')\n`);
  await pg.runToEnd();
  const total = page.getByTestId("result-total");
  await expect(total).toHaveText(/^total \d/);
  const shown = await total.textContent();
  await expect(total).toHaveAttribute("title", /From pressing Run to the result/);
  await page.getByTestId("nav-history").click();
  const row = page.getByTestId("run-total").first();
  await expect(row).toHaveText(shown ?? "");
  await expect(row).toHaveAttribute("title", /From pressing Run to the result/);
});
