import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { PlaygroundPage } from "./pages/playground-page";

const pageHeight = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight);
/** The rows the playground's terminal shows now (xterm keeps the rest in its scrollback). */
const visibleRows = (page: Page) =>
  page.locator(".xterm-rows").evaluate((el) => Array.from(el.children, (row) => (row.textContent ?? "").trim()));

test.describe("one screen tall", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("10,000 lines of output scroll inside the output pane; header and Run stay on screen", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto();
    await pg.setCode("for i in range(10000): print(i)\n");
    await pg.runToEnd();
    await expect(pg.output()).toContainText("9999");
    expect(await pageHeight(page)).toBeLessThanOrEqual(900);
    await expect(page.getByTestId("run")).toBeInViewport();
    await expect(page.getByTestId("theme-toggle")).toBeInViewport();
    // The terminal shows the newest lines, not the first.
    await expect.poll(() => visibleRows(page)).toContain("9999");
    expect(await visibleRows(page)).not.toContain("0");
    // A short run afterwards: still one screen.
    await pg.setCode("print('short')\n");
    await pg.runToEnd();
    await expect(pg.output()).toHaveText("short\n");
    expect(await pageHeight(page)).toBeLessThanOrEqual(900);
  });

  test("streaming output follows the newest line in the terminal, inside one screen", async ({ page }) => {
    test.setTimeout(90_000);
    const pg = new PlaygroundPage(page);
    await pg.goto();
    await pg.setCode("import time\nfor i in range(400):\n    print('line', i, flush=True)\n    time.sleep(0.02)\n");
    await pg.setLimit("timeoutMs", 20000);
    await pg.run();
    await expect(pg.output()).toContainText("line 120");
    // The terminal scrolls inside itself (the page does not grow) and shows the newest lines.
    expect(await pageHeight(page)).toBeLessThanOrEqual(900);
    const newest = async () =>
      Math.max(...(await visibleRows(page)).map((r) => Number(/^line (\d+)$/.exec(r)?.[1] ?? -1)));
    expect(await newest()).toBeGreaterThanOrEqual(120);
    expect(await visibleRows(page)).not.toContain("line 0");
    await expect.poll(newest).toBeGreaterThanOrEqual(200);
    await expect(pg.status()).toHaveText("OK", { timeout: 60_000 });
    await expect.poll(() => visibleRows(page)).toContain("line 399");
  });
});

test.describe("phones", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("no page scrolls sideways and the header fits", async ({ page }) => {
    for (const path of ["/", "/runs", "/exercises", "/exercises/sum-two", "/no-such-page"]) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${path} is ${width} px wide`).toBeLessThanOrEqual(390);
      const toggle = await page.getByTestId("theme-toggle").boundingBox();
      expect(toggle && toggle.x >= 0 && toggle.x + toggle.width <= 390, `${path}: theme toggle on screen`).toBe(true);
    }
  });

  test("after Run the result is brought into view", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto();
    await pg.setCode("print('on a phone')\n");
    // The editor fills the first screen; the result bar is below it…
    await expect(page.getByText("Output appears here.")).not.toBeInViewport();
    await pg.runToEnd();
    // …and Run brings it up.
    await expect(pg.status()).toBeInViewport();
    await expect(pg.output()).toContainText("on a phone");
  });

  test("on an exercise page the editor is one tap away, not below the statement", async ({ page }) => {
    await page.goto("/exercises/sum-two");
    await expect(page.getByTestId("exercise-title")).toBeVisible();
    await page.getByTestId("pane-tab-solution").click();
    await expect(page.locator(".monaco-editor").first()).toBeInViewport();
    await expect(page.getByTestId("run-samples")).toBeInViewport();
    await expect(page.getByRole("heading", { name: "Constraints" })).toBeHidden();
    await page.getByTestId("pane-tab-statement").click();
    await expect(page.getByRole("heading", { name: "Constraints" })).toBeVisible();
  });
});

test("a share embedded in a 700×400 frame shows code, result and output, and offers Run", async ({ page }) => {
  const pg = new PlaygroundPage(page);
  await pg.goto();
  await pg.setCode("for i in range(3):\n    print('embedded', i)\n");
  await pg.runToEnd();
  const link = await pg.share();
  await page.setContent(`<iframe title="Runbox" src="${link}?embed=1" width="700" height="400"></iframe>`);
  const frame = page.frameLocator("iframe");
  await expect(frame.getByTestId("embed")).toBeVisible();
  await expect(frame.locator(".monaco-editor .view-lines")).toContainText("embedded");
  const frameBox = await page.locator("iframe").boundingBox();
  if (!frameBox) throw new Error("no frame");
  const inFrame = async (testId: string) => {
    const box = await frame.getByTestId(testId).first().boundingBox();
    return Boolean(box && box.y >= frameBox.y && box.y + Math.min(box.height, 20) <= frameBox.y + frameBox.height);
  };
  expect(await inFrame("result-status")).toBe(true);
  expect(await inFrame("output")).toBe(true);
  await expect(frame.getByTestId("output")).toContainText("embedded 2");
  expect(await inFrame("embed-run")).toBe(true);
  // Nothing below the frame's fold.
  const height = await frame.locator("html").evaluate(() => document.documentElement.scrollHeight);
  expect(height).toBeLessThanOrEqual(400);
  // Run opens the program in the playground (a new tab), where Run takes focus.
  const [tab] = await Promise.all([page.context().waitForEvent("page"), frame.getByTestId("embed-run").click()]);
  await tab.waitForLoadState();
  await expect(tab.getByTestId("draft-notice")).toBeVisible();
  await expect(tab.getByTestId("run")).toBeFocused();
  await tab.getByTestId("run").click();
  await expect(tab.getByTestId("output")).toContainText("embedded 2");
  await tab.close();
});
