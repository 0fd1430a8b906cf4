import { expect, test } from "./fixtures";
import { PlaygroundPage } from "./pages/playground-page";

test.describe("playground", () => {
  test("writes, runs and shows the output", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto();
    const runtimes = (await (await page.request.get("/api/v2/runtimes")).json()) as unknown[];
    await expect(page.getByTestId("language").locator("option")).toHaveCount(runtimes.length);
    await pg.setCode("name = input()\nprint(f'Hello, {name}!')\n");
    await pg.setStdin("Chromium\n");
    await pg.runToEnd();
    await expect(pg.status()).toHaveText("OK");
    // The Input box's text is typed into the terminal first, so the terminal echoes it.
    await expect(pg.output()).toHaveText("Chromium\nHello, Chromium!\n");
    await expect(page.getByTestId("result-exit")).toHaveText("exit 0");
  });

  test("Ctrl+Enter runs from the editor", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto();
    await pg.setCode("print('keyboard')\n");
    await page.locator(".monaco-editor textarea").first().focus();
    await page.keyboard.press("Control+Enter");
    await expect(pg.output()).toHaveText("keyboard\n");
  });

  test("streams output while the program still runs", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto();
    await pg.setCode("import time\nprint('first line')\ntime.sleep(4)\nprint('second line')\n");
    await pg.run();
    await expect(pg.output()).toContainText("first line");
    // The program is still sleeping: no result yet, and Stop is offered.
    await expect(page.getByTestId("run-phase")).toHaveText("Running…");
    await expect(page.getByTestId("stop")).toBeVisible();
    await expect(pg.output()).not.toContainText("second line");
    await expect(pg.output()).toContainText("second line", { timeout: 15_000 });
    await expect(pg.status()).toHaveText("OK");
  });

  test("Stop ends a long run at once", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto();
    await pg.setCode("import time\nprint('started', flush=True)\ntime.sleep(25)\n");
    await pg.run();
    await expect(pg.output()).toContainText("started");
    await page.getByTestId("stop").click();
    // Far less than the 25 s the program wanted (a functional check, not a speed target).
    await expect(pg.status()).toHaveText("Stopped", { timeout: 5000 });
    await expect(pg.sentence()).toHaveText("You stopped this run.");
    await expect(page.getByTestId("run")).toBeVisible();
  });

  const statuses: [string, string, string, [string, number]?, RegExp?][] = [
    ["runtime error", "raise SystemExit(3)\n", "Runtime error"],
    ["timeout", "while True:\n    pass\n", "Time limit", ["timeoutMs", 1000], /1 s time limit/],
    ["memory", "x = bytearray(400 * 1024 * 1024)\n", "Memory limit", ["memoryMb", 64], /64 MB memory limit/],
    ["output", "while True:\n    print('y' * 100)\n", "Output limit", ["outputKb", 4], /4 KB output limit/],
  ];
  for (const [name, code, label, limit, sentence] of statuses) {
    test(`shows the ${name} status with its sentence`, async ({ page }) => {
      const pg = new PlaygroundPage(page);
      await pg.goto();
      await pg.setCode(code);
      if (limit) await pg.setLimit(limit[0], limit[1]);
      await pg.runToEnd();
      await expect(pg.status()).toHaveText(label);
      if (sentence) await expect(pg.sentence()).toHaveText(sentence);
    });
  }

  test("shows a compile error", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto();
    await pg.chooseLanguage("c");
    await pg.setCode("int main(void) { return missing; }\n");
    await pg.runToEnd();
    await expect(pg.status()).toHaveText("Compile error");
    await expect(pg.output()).toContainText("missing");
  });

  test("keeps code per language and restores the draft after a reload", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto();
    await pg.setCode("print('my python')\n");
    await pg.chooseLanguage("go");
    await expect.poll(() => pg.code()).toContain("package main");
    await pg.chooseLanguage("python");
    await expect.poll(() => pg.code()).toBe("print('my python')\n");
    await page.reload();
    await page.waitForFunction(() => (window.monaco?.editor.getEditors().length ?? 0) > 0);
    await expect.poll(() => pg.code()).toBe("print('my python')\n");
  });

  test("runs a program of several files and refuses bad file names", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto();
    await pg.setCode("from helper import twice\nprint(twice(21))\n");
    await pg.addFile("../evil.py");
    await expect(page.getByTestId("file-name-error")).toContainText("'..'");
    await page.getByTestId("file-name-input").fill("helper.py");
    await page.getByTestId("file-name-input").press("Enter");
    await expect(pg.tab("helper.py")).toHaveAttribute("aria-selected", "true");
    await pg.setCode("def twice(x):\n    return 2 * x\n");
    await pg.runToEnd();
    await expect(pg.output()).toHaveText("42\n");
  });

  test("renders output with HTML and ANSI safely", async ({ page, guard }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto();
    await pg.setCode(
      "print('<img src=x onerror=alert(1)><script>alert(2)</script>')\nprint('\\x1b[31mred\\x1b[0m \\x1b[2Jplain')\n",
    );
    await pg.runToEnd();
    await expect(pg.output()).toContainText("<script>alert(2)</script>");
    await expect(pg.output()).toContainText("red plain");
    expect(await pg.output().locator("img, script").count()).toBe(0);
    await expect(pg.output().locator("span[style]").filter({ hasText: "red" })).toHaveCSS("color", "rgb(220, 38, 38)");
    expect(guard.dialogs).toEqual([]);
  });
});
