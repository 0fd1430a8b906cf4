import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { PlaygroundPage } from "./pages/playground-page";

/** Markers from Monaco's own language services (not Runbox's "runbox" run markers). */
const serviceMarkers = (page: Page) =>
  page.evaluate(() =>
    (window.monaco?.editor.getModelMarkers({}) ?? [])
      .filter((m) => (m as { owner?: string }).owner !== "runbox")
      .map((m) => m.message),
  );

async function suggestions(page: Page, code: string): Promise<string[]> {
  await page.evaluate((c) => {
    const editor = window.monaco?.editor.getEditors()[0] as unknown as {
      setValue(v: string): void;
      setPosition(p: { lineNumber: number; column: number }): void;
      focus(): void;
      trigger(source: string, id: string, payload: object): void;
    };
    editor.setValue(c);
    const lines = c.split("\n");
    editor.setPosition({ lineNumber: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 });
    editor.focus();
    editor.trigger("test", "editor.action.triggerSuggest", {});
  }, code);
  const rows = page.locator(".suggest-widget .monaco-list-row");
  await expect(rows.first()).toBeVisible();
  return rows.allInnerTexts();
}

for (const [language, code] of [
  ["javascript", "const x = ;\n"],
  ["typescript", "const x: number = ;\n"],
] as const) {
  test(`${language}: Monaco's language service marks errors and completes members`, async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto();
    await pg.chooseLanguage(language);
    await pg.setCode(code);
    // A syntax error gets a squiggle from the TypeScript worker (same origin, under our CSP).
    await expect
      .poll(() => serviceMarkers(page), { timeout: 30_000 })
      .toContainEqual(expect.stringMatching(/expected/i));
    await expect(page.locator(".monaco-editor .squiggly-error").first()).toBeAttached();
    // `console.` offers the members of console, not just words of the file.
    const offered = await suggestions(page, "console.");
    expect(offered.some((t) => /^log\b/.test(t.trim()))).toBe(true);
  });
}

test("selecting every language starts its editor services without a console error", async ({ page }) => {
  test.setTimeout(120_000);
  const pg = new PlaygroundPage(page);
  await pg.goto();
  const ids = await page
    .getByTestId("language")
    .locator("option")
    .evaluateAll((os) => os.map((o) => o.getAttribute("value") ?? ""));
  expect(ids.length).toBeGreaterThan(5);
  for (const id of ids) {
    await pg.chooseLanguage(id);
    await page.waitForFunction(
      (lang) => window.monaco?.editor.getEditors()[0]?.getModel()?.uri.path.startsWith(`/${lang}/`) ?? false,
      id,
    );
    // Give any worker the language starts time to load (errors would reach the console guard).
    await page.waitForTimeout(1500);
  }
  // The fixture's guard fails the test on any console error or page error.
});
