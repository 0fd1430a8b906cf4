import { expect, test } from "./fixtures";
import { PlaygroundPage } from "./pages/playground-page";

const isDark = (page: import("@playwright/test").Page) =>
  page.evaluate(() => document.documentElement.classList.contains("dark"));

test("the theme toggle switches at once, the editor follows, and the choice stays", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  const pg = new PlaygroundPage(page);
  await pg.goto();
  expect(await isDark(page)).toBe(false);
  const toggle = page.getByTestId("theme-toggle");
  await expect(toggle).toHaveAccessibleName("Switch to dark theme");
  await toggle.click();
  await expect.poll(() => isDark(page)).toBe(true);
  await expect(toggle).toHaveAccessibleName("Switch to light theme");
  // It stays dark (no listener puts back the value read at load), and Monaco is dark too.
  await page.waitForTimeout(500);
  expect(await isDark(page)).toBe(true);
  await expect(page.locator(".monaco-editor").first()).toHaveClass(/vs-dark/);
  await toggle.click();
  await expect.poll(() => isDark(page)).toBe(false);
  await expect(page.locator(".monaco-editor").first()).not.toHaveClass(/vs-dark/);
  await toggle.click();
  await page.reload();
  await expect.poll(() => isDark(page)).toBe(true);
});

test("a dark-theme page is dark before any of the app's scripts run (no white flash)", async ({ browser }) => {
  // Its own context: the aborted bundles below are console errors on purpose.
  const context = await browser.newContext({ colorScheme: "light" });
  const page = await context.newPage();
  await page.goto("/exercises");
  await page.evaluate(() => localStorage.setItem("runbox:theme", "dark"));
  // Without the app's bundles, only what the page itself carries can set the theme.
  await page.route("**/_next/static/**/*.js", (route) => route.abort());
  await page.goto("/exercises", { waitUntil: "domcontentloaded" });
  expect(await isDark(page)).toBe(true);
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).not.toBe("rgb(255, 255, 255)");
  await context.close();
});

test("an unknown URL is a 404 page whose scripts run (theme toggle works)", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  const res = await page.goto("/no-such-page");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not found");
  await page.getByTestId("theme-toggle").click();
  await expect.poll(() => isDark(page)).toBe(true);
});
