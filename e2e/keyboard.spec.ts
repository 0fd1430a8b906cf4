import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { PlaygroundPage } from "./pages/playground-page";

const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? "");
const inTerminal = (page: Page) => page.evaluate(() => Boolean(document.activeElement?.closest(".xterm")));
const inEditor = (page: Page) => page.evaluate(() => Boolean(document.activeElement?.closest(".monaco-editor")));

test.describe("keyboard", () => {
  test("Escape then Tab (or Ctrl+M, then Tab) leaves the editor; the way is written under it", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto();
    await expect(page.getByTestId("editor-keys")).toContainText("Esc then Tab leaves the editor");
    const editor = page.locator(".monaco-editor textarea").first();
    await editor.focus();
    await page.keyboard.press("Tab"); // indents: focus stays
    expect(await inEditor(page)).toBe(true);
    await page.keyboard.press("Escape");
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("inputs-tab-stdin");
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("stdin");

    await editor.focus();
    await page.keyboard.press("Escape");
    await page.keyboard.press("Shift+Tab");
    expect(await inEditor(page)).toBe(false);

    await editor.focus();
    await page.keyboard.press("Control+m");
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("inputs-tab-stdin");
  });

  test("the terminal never traps the keyboard: Tab leaves it when nothing reads, Esc then Tab while a program does", async ({
    page,
  }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto();
    await pg.terminal().click();
    expect(await inTerminal(page)).toBe(true);
    await page.keyboard.press("Tab");
    expect(await inTerminal(page)).toBe(false);

    await pg.setCode("x = input('? ')\nprint(repr(x))\n");
    await pg.run();
    await expect(pg.output()).toHaveText("? ");
    await pg.terminal().click();
    await page.keyboard.press("Tab"); // the program's: it reads a tab
    expect(await inTerminal(page)).toBe(true);
    await page.keyboard.press("Escape");
    await page.keyboard.press("Tab");
    expect(await inTerminal(page)).toBe(false);
    await page.getByTestId("stop").click();
  });

  test("the input tabs move with the arrow keys and control their panel", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto();
    const stdinTab = page.getByTestId("inputs-tab-stdin");
    await stdinTab.focus();
    await page.keyboard.press("ArrowRight");
    await expect(page.getByTestId("inputs-tab-args")).toBeFocused();
    await expect(page.getByTestId("inputs-tab-args")).toHaveAttribute("aria-selected", "true");
    await expect(page.getByRole("tabpanel", { name: "Arguments" })).toContainText("one per line");
    await page.keyboard.press("End");
    await expect(page.getByTestId("inputs-tab-limits")).toBeFocused();
    await page.keyboard.press("ArrowRight");
    await expect(stdinTab).toBeFocused();
    await expect(page.getByRole("tabpanel", { name: "Input" })).toBeVisible();
  });

  test("Escape stops a running program when focus is outside the editor", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto();
    await pg.setCode("import time\nprint('started', flush=True)\ntime.sleep(25)\n");
    await pg.run();
    await expect(pg.output()).toContainText("started");
    await page.getByTestId("stdin").focus();
    await page.keyboard.press("Escape");
    await expect(pg.status()).toHaveText("Stopped", { timeout: 5000 });
  });
});

test.describe("screen readers", () => {
  test("controls have names without decorative glyphs; the Files tablist holds only tabs", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto();
    await expect(page.getByRole("button", { name: "Run", exact: true })).toBeVisible();
    await expect(page.getByRole("tab", { name: "main.py, entry point", exact: true })).toBeVisible();
    const files = page.getByRole("tablist", { name: "Files" });
    const children = await files.evaluate((el) => [...el.children].map((c) => c.getAttribute("role")));
    expect(children).toEqual(["tab"]);
    await expect(page.getByRole("tabpanel", { name: "main.py, entry point" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Playground");
  });

  test("the result and the debug report are announced; the output is not read line by line", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto();
    await pg.setCode("print(1 / 0)\n");
    await pg.runToEnd();
    await expect(page.getByTestId("run-announcement")).toHaveText(
      "Finished: Runtime error, exit code 1. Debug report: ZeroDivisionError: division by zero",
    );
    await expect(page.getByTestId("run-announcement")).toHaveAttribute("role", "status");
    // The output pane is no live region (10,000 lines would be read out one by one).
    const outputLive = await pg.output().evaluate((el) => el.closest("[aria-live], [role=log], [role=status]"));
    expect(outputLive).toBeNull();
  });
});
