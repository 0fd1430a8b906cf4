import fs from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { PlaygroundPage } from "./pages/playground-page";
import { seriousViolations } from "./support/axe";

const shots = process.env.RUNBOX_SCREENSHOTS === "1";

/** The image has loaded and decoded (a broken or refused image has naturalWidth 0). */
async function expectDrawn(image: Locator) {
  await image.scrollIntoViewIfNeeded();
  await expect(image).toBeVisible();
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
}

/** Download a file through its link and return what was saved. */
async function download(page: Page, link: Locator): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: fs.readFileSync(path, "utf8") };
}

test.describe("plots and files out of a run", () => {
  test("the Python starter draws a sine wave: the plot shows under the output, the CSV downloads", async ({
    page,
    browser,
  }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const pg = new PlaygroundPage(page);
    await pg.goto();
    expect(await pg.code()).toContain("plt.show()");

    // The language menu says what Python programs can use, from the keyboard too.
    const libraries = page.getByTestId("language-libraries");
    await libraries.locator("summary").focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("language-libraries-list")).toContainText("matplotlib");
    await expect(page.getByTestId("language")).toHaveAccessibleDescription(/numpy.*pandas.*matplotlib/);
    await page.keyboard.press("Enter");

    await pg.runToEnd();
    await expect(pg.status()).toHaveAttribute("data-status", "ok");
    await expect(pg.output()).toContainText("Plotted 100 points");
    const files = page.getByTestId("output-files");
    const image = files.getByTestId("output-image");
    await expect(image).toHaveCount(1);
    await expect(image).toHaveAttribute("alt", "figure-1.png");
    await expectDrawn(image);
    await expect(files.getByTestId("output-file")).toHaveText([
      /figure-1\.png\s*PNG image, [\d.]+ KB/,
      /sine\.csv\s*CSV table, [\d.]+ KB/,
    ]);
    if (shots) await page.screenshot({ path: "docs/plot.png" });

    const csv = await download(page, files.getByTestId("output-download").filter({ hasText: "sine.csv" }));
    expect(csv.name).toBe("sine.csv");
    const lines = csv.text.trimEnd().split("\n");
    expect(lines[0]).toBe("x,y");
    expect(lines).toHaveLength(101);
    expect(lines[1]).toBe("0.0000,0.0000");
    expect(lines.at(-1)).toMatch(/^6\.2832,-0\.0000$/);
    expect(await seriousViolations(page)).toEqual([]);

    // The run page shows the same files.
    const link = await pg.share();
    await page.goto("/runs");
    await page.getByTestId("run-row").first().locator("a").first().click();
    await expect(page).toHaveURL(/\/runs\/[\w-]{21}$/);
    await expectDrawn(page.getByTestId("output-image"));
    await page.screenshot({ path: "test-results/plot-run-page.png", fullPage: true });
    expect((await download(page, page.getByTestId("output-download").filter({ hasText: "sine.csv" }))).text).toBe(
      csv.text,
    );
    expect(await seriousViolations(page)).toEqual([]);

    // So do its share, for anyone, and its embed, at a phone's width too.
    const guest = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const guestPage = await guest.newPage();
    await guestPage.goto(link);
    await expectDrawn(guestPage.getByTestId("output-image"));
    await expect(guestPage.getByTestId("output-file")).toHaveCount(2);
    await guestPage.screenshot({ path: "test-results/plot-share-phone.png", fullPage: true });
    const width = await guestPage.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    expect(await seriousViolations(guestPage)).toEqual([]);
    await guestPage.setViewportSize({ width: 700, height: 400 });
    await guestPage.goto(`${link}?embed=1`);
    await expectDrawn(guestPage.getByTestId("output-image"));
    await guestPage.screenshot({ path: "test-results/plot-embed.png" });
    await guest.close();
  });

  test("an SVG with a script shows as a picture and runs nothing; left-out files are noted", async ({
    page,
    browser,
  }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto();
    await pg.setCode(
      [
        'svg = \'<svg xmlns="http://www.w3.org/2000/svg" width="60" height="30" onload="alert(1)">\'',
        'svg += \'<script>alert(2)</script><rect width="60" height="30" fill="teal"/></svg>\'',
        "open('/box/out/\"><img src=x onerror=alert(3)>.svg', 'w').write(svg)",
      ].join("\n"),
    );
    await pg.runToEnd();
    await expect(pg.status()).toHaveAttribute("data-status", "ok");
    const image = page.getByTestId("output-image");
    await expectDrawn(image);
    await expect(image).toHaveAttribute("alt", '"><img src=x onerror=alert(3)>.svg');
    await expect(page.getByTestId("output-file")).toHaveText([/SVG image, \d+ B$/]);
    const src = (await image.getAttribute("src")) ?? "";
    expect(src).toMatch(/^\/api\/runs\/[\w-]+\/files\/0$/);

    await pg.setCode("for i in range(12):\n    open(f'/box/out/n{i:02}.txt', 'w').write(str(i))\n");
    await pg.runToEnd();
    await expect(pg.status()).toHaveAttribute("data-status", "output_limit");
    await expect(pg.sentence()).toHaveText(/more files under \/box\/out .*8 kept, 4 left out/);
    await expect(page.getByTestId("output-file")).toHaveCount(8);
    await expect(page.getByTestId("files-dropped")).toHaveText(/^4 more files were left out/);

    // Opened on its own (same browser, its own tab set), the SVG is a sandboxed document: Chromium
    // refuses its script and says so, and no dialog opens.
    const tab = await browser.newContext({ storageState: await page.context().storageState() });
    const opened = await tab.newPage();
    const dialogs: string[] = [];
    const blocked: string[] = [];
    opened.on("dialog", async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    opened.on("console", (m) => m.text().includes("Blocked script execution") && blocked.push(m.text()));
    const res = await opened.goto(src);
    expect(res?.headers()["content-type"]).toBe("image/svg+xml");
    await expect.poll(() => blocked.length).toBeGreaterThan(0);
    expect(dialogs).toEqual([]);
    await tab.close();
  });
});
