import { expect, test } from "./fixtures";
import { PlaygroundPage } from "./pages/playground-page";
import { RunViewPage } from "./pages/run-view-page";

/** A first program in each language: ask a name, greet. Typed into the terminal while it runs. */
const GREETERS: [string, string, string][] = [
  ["python", "Python input()", "name = input('What is your name? ')\nprint(f'Hello, {name}!')\n"],
  [
    "c",
    "C printf + scanf",
    '#include <stdio.h>\n\nint main(void) {\n  char name[64];\n  printf("What is your name? ");\n  scanf("%63s", name);\n  printf("Hello, %s!\\n", name);\n  return 0;\n}\n',
  ],
  [
    "java",
    "Java Scanner",
    'import java.util.Scanner;\n\npublic class Main {\n  public static void main(String[] args) {\n    Scanner in = new Scanner(System.in);\n    System.out.print("What is your name? ");\n    String name = in.nextLine();\n    System.out.println("Hello, " + name + "!");\n  }\n}\n',
  ],
  ["ruby", "Ruby gets", 'print "What is your name? "\nname = gets.chomp\nputs "Hello, #{name}!"\n'],
];

test.describe("the terminal", () => {
  for (const [language, title, code] of GREETERS) {
    test(`${title}: the prompt shows, the person types a name, the greeting follows`, async ({ page }) => {
      const pg = new PlaygroundPage(page);
      await pg.goto();
      await pg.chooseLanguage(language);
      await pg.setCode(code);
      await pg.run();
      // The prompt is on screen before anything was typed (no newline after it: a terminal flushes it).
      await expect(pg.output()).toHaveText("What is your name? ", { timeout: 30_000 });
      await expect(page.getByTestId("terminal-hint")).toBeVisible();
      await pg.typeInTerminal("Ana");
      await page.keyboard.press("Enter");
      await expect(pg.status()).toHaveText("OK");
      await expect(pg.output()).toHaveText("What is your name? Ana\nHello, Ana!\n");
      await expect(pg.terminal()).toContainText("Hello, Ana!");
    });
  }

  test("Backspace edits the line before Enter sends it", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto();
    await pg.setCode("print(repr(input('> ')))\n");
    await pg.run();
    await expect(pg.output()).toHaveText("> ");
    await pg.typeInTerminal("Anx");
    await page.keyboard.press("Backspace");
    await page.keyboard.type("a");
    await page.keyboard.press("Enter");
    await expect(pg.output()).toHaveText("> Ana\n'Ana'\n");
  });

  test("Ctrl-C stops a loop, Ctrl-D ends input", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto();
    await pg.setCode("import time\nprint('looping')\nwhile True:\n    time.sleep(0.1)\n");
    await pg.run();
    await expect(pg.output()).toContainText("looping");
    await pg.terminal().click();
    await page.keyboard.press("Control+C");
    await expect(pg.status()).toHaveText("Runtime error");
    await expect(page.getByTestId("result-exit")).toHaveText("signal SIGINT");
    await expect(page.getByTestId("debug-title")).toContainText("KeyboardInterrupt");

    await pg.setCode("import sys\nlines = sys.stdin.readlines()\nprint(len(lines), 'lines')\n");
    await pg.run();
    await expect(page.getByTestId("terminal-hint")).toBeVisible();
    await pg.typeInTerminal("one");
    await page.keyboard.press("Enter");
    await page.keyboard.type("two");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Control+D");
    await expect(pg.status()).toHaveText("OK");
    await expect(pg.output()).toHaveText("one\ntwo\n2 lines\n");
  });

  test("says so when the program asked for more input than it was given", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto();
    await pg.setCode("a = input('a? ')\nb = input('b? ')\nprint(a + b)\n");
    await pg.run();
    await expect(pg.output()).toHaveText("a? ");
    await pg.typeInTerminal("1");
    await page.keyboard.press("Enter");
    await expect(pg.output()).toHaveText("a? 1\nb? ");
    await page.keyboard.press("Control+D");
    await expect(pg.status()).toHaveText("Runtime error");
    await expect(page.getByTestId("debug-panel")).toHaveAttribute("data-category", "input");
    await expect(page.getByTestId("debug-title")).toHaveText("Your program asked for more input than it was given");
    await expect(page.getByTestId("debug-hint")).toContainText("Ctrl-D");
  });

  test("the transcript is stored: on the run page, in history and on the share page", async ({ page, browser }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto();
    const marker = `t${Date.now()}`;
    await pg.setCode(`name = input('Name? ')\nprint('${marker}', name)\n`);
    await pg.run();
    await expect(pg.output()).toHaveText("Name? ");
    await pg.typeInTerminal("Zoe");
    await page.keyboard.press("Enter");
    await expect(pg.status()).toHaveText("OK");
    const link = await pg.share();

    const guest = await browser.newContext();
    const shared = await guest.newPage();
    await shared.goto(link);
    await expect(new RunViewPage(shared).output()).toHaveText(`Name? Zoe\n${marker} Zoe\n`);
    await expect(shared.getByTestId("transcript-label")).toBeVisible();
    await guest.close();

    await page.goto(`/runs?q=${marker}`);
    await page.getByTestId("run-row").first().click();
    await expect(new RunViewPage(page).output()).toHaveText(`Name? Zoe\n${marker} Zoe\n`);
    await expect(page.getByTestId("transcript-label")).toBeVisible();
  });
});
