import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { PlaygroundPage } from "./pages/playground-page";
import { type AxeFinding, openInTheme, seriousViolations, type Theme } from "./support/axe";
import { setEditorText } from "./support/monaco";

/**
 * Each theme once and each width once: colour contrast depends on the theme, layout on the width.
 * (All four pairings cost 80 s of npm test's budget and never found anything the two did not.)
 */
const PAIRINGS = [
  { theme: "light", vp: { width: 1440, height: 900 } },
  { theme: "dark", vp: { width: 390, height: 844 } },
] as const;

/** A run of this browser (owner-only pages) and a share of it, made through the UI. */
async function makeRunAndShare(page: Page): Promise<{ runId: string; slug: string }> {
  const pg = new PlaygroundPage(page);
  await pg.goto();
  await pg.setCode("name = input()\nprint(f'Hello, {name}!')\nprint(1 / 0)\n");
  await pg.setStdin("axe\n");
  await pg.runToEnd();
  await expect(page.getByTestId("debug-panel")).toBeVisible();
  const link = await pg.share();
  const slug = new URL(link).pathname.split("/").pop() ?? "";
  await page.goto("/runs");
  const href = (await page.getByTestId("run-row").first().locator("a").getAttribute("href")) ?? "";
  return { runId: href.split("/").pop() ?? "", slug };
}

/** Wait until what the page loads after hydration (Monaco, the theme) is on screen. */
async function settle(page: Page, theme: Theme, editor: boolean) {
  await page.waitForLoadState("networkidle");
  // Attached, not visible: on a phone the exercise editor waits behind its tab.
  if (editor) await page.locator(".monaco-editor .view-lines").first().waitFor({ state: "attached" });
  await expect.soft(page.locator("html")).toHaveClass(theme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
}

interface Visit {
  name: string;
  path: string;
  editor: boolean;
  /** Bring the page into a state worth scanning too (a result, a debug report, a verdict grid). */
  prepare?: (page: Page) => Promise<void>;
}

for (const { theme, vp } of PAIRINGS) {
  test(`no critical or serious axe violations, ${theme} theme, ${vp.width}×${vp.height}`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.setViewportSize(vp);
    await openInTheme(page, theme);
    const { runId, slug } = await makeRunAndShare(page);
    const visits: Visit[] = [
      { name: "/", path: "/", editor: true },
      {
        name: "/ after a failed run",
        path: "/",
        editor: true,
        prepare: async (p) => {
          const pg = new PlaygroundPage(p);
          await pg.setCode("def f():\n    return missing\nf()\n");
          await pg.runToEnd();
          await expect(p.getByTestId("debug-panel")).toBeVisible();
        },
      },
      { name: "/runs", path: "/runs", editor: false },
      { name: "/runs/{id}", path: `/runs/${runId}`, editor: true },
      { name: "/s/{slug}", path: `/s/${slug}`, editor: true },
      { name: "/s/{slug}?embed=1", path: `/s/${slug}?embed=1`, editor: true },
      { name: "/exercises", path: "/exercises", editor: false },
      { name: "/exercises/sum-two", path: "/exercises/sum-two", editor: true },
      {
        name: "/exercises/sum-two after samples",
        path: "/exercises/sum-two",
        editor: true,
        prepare: async (p) => {
          if (vp.width < 1024) await p.getByTestId("pane-tab-solution").click(); // phones: the editor's tab
          await p.getByTestId("language").selectOption("python");
          await setEditorText(p, "a, b = map(int, input().split())\nprint(a - b)\n");
          await p.getByTestId("run-samples").click();
          await expect(p.getByTestId("overall-verdict")).toBeVisible();
        },
      },
      { name: "404", path: "/no-such-page", editor: false },
    ];
    const found: Record<string, AxeFinding[]> = {};
    for (const v of visits) {
      await page.goto(v.path);
      await settle(page, theme, v.editor);
      if (v.prepare) await v.prepare(page);
      const violations = await seriousViolations(page);
      if (violations.length) found[v.name] = violations;
      // Every page names itself with a visible h1.
      await expect.soft(page.locator("h1").first(), `${v.name} has a visible h1`).toBeVisible();
    }
    expect(found).toEqual({});
  });
}
