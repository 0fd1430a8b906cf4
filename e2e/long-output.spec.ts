import { expect, test } from "./fixtures";
import { PlaygroundPage } from "./pages/playground-page";
import { RunViewPage } from "./pages/run-view-page";

const TOTAL = 1_000_001; // 100,000 × "ESC[1mX ESC[0mY" and print's newline

test.describe("long output on share and run pages", () => {
  test("a share of 1 MiB of coloured output: first part, Show more, and a text/plain download", async ({
    page,
    browser,
  }) => {
    test.setTimeout(180_000);
    const pg = new PlaygroundPage(page);
    await pg.goto();
    await pg.setCode('print("\\x1b[1mX\\x1b[0mY" * 100000)\n');
    await pg.setLimit("outputKb", 1024);
    await pg.run();
    // The live view renders a mebibyte of styled output as it streams: give it time.
    await expect(pg.status()).toHaveText("OK", { timeout: 60_000 });
    const link = await pg.share();

    const guest = await browser.newContext();
    const guestPage = await guest.newPage();
    const path = new URL(link).pathname;
    expect((await (await guestPage.request.get(path)).body()).length).toBeLessThan(512 * 1024);
    await guestPage.goto(path);
    const view = new RunViewPage(guestPage);
    await expect(view.output()).toContainText("XYXYXY");
    const first = await view.outputLength();
    expect(first).toBeGreaterThan(1000);
    expect(first).toBeLessThan(TOTAL / 5);
    await expect(view.shownAmount()).toContainText("of 976.6 KB shown");

    await view.showMore().click();
    await expect.poll(() => view.outputLength()).toBeGreaterThan(first);
    // The second chunk renders bold too: styles carry over chunk boundaries.
    expect(await view.boldSpans()).toBeGreaterThan(1000);
    await view.showMore().click();
    await expect.poll(() => view.outputLength()).toBeGreaterThan(2 * first);

    const href = await view.download().getAttribute("href");
    expect(href).toMatch(/download=1$/);
    const dl = await guestPage.request.get(href ?? "");
    expect(dl.status()).toBe(200);
    expect(dl.headers()["content-type"]).toBe("text/plain; charset=utf-8");
    expect(dl.headers()["content-disposition"]).toMatch(/^attachment; filename="run-output\.txt"$/);
    const text = await dl.text();
    expect(text).toHaveLength(TOTAL);
    expect(text.startsWith("\x1b[1mX\x1b[0mY")).toBe(true);
    const [download] = await Promise.all([guestPage.waitForEvent("download"), view.download().click()]);
    expect(download.suggestedFilename()).toBe("run-output.txt");
    await guest.close();

    // The owner's run page loads more through the owner-checked route.
    await page.getByTestId("nav-history").click();
    await page.getByTestId("run-row").first().click();
    const own = new RunViewPage(page);
    await expect(own.output()).toContainText("XYXYXY");
    const ownFirst = await own.outputLength();
    await own.showMore().click();
    await expect.poll(() => own.outputLength()).toBeGreaterThan(ownFirst);
  });
});
