import { expect, test } from "./fixtures";
import { PlaygroundPage } from "./pages/playground-page";

test.describe("history and sharing", () => {
  test("lists, filters and searches your runs; another browser sees none", async ({ page, browser }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto();
    const marker = `marker${Date.now()}`;
    await pg.setCode(`print('${marker}')\n`);
    await pg.runToEnd();
    await pg.setCode("raise ValueError('boom')\n");
    await pg.runToEnd();

    await page.getByTestId("nav-history").click();
    await expect(page.getByTestId("run-row").first()).toBeVisible();
    const rows = page.getByTestId("run-row");
    await expect(rows.first()).toHaveAttribute("data-status", "runtime_error");

    await page.getByTestId("filter-status").selectOption("ok");
    await page.getByTestId("filter-apply").click();
    await expect(page).toHaveURL(/status=ok/);
    for (const row of await rows.all()) await expect(row).toHaveAttribute("data-status", "ok");

    await page.getByTestId("filter-status").selectOption("");
    await page.getByTestId("filter-q").fill(marker);
    await page.getByTestId("filter-apply").click();
    await expect(rows).toHaveCount(1);
    await rows.first().click();
    await expect(page).toHaveURL(/\/runs\/[\w-]{21}$/);
    await expect(page.getByTestId("output")).toHaveText(`${marker}\n`);
    const runUrl = page.url();

    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await otherPage.goto("/runs");
    await expect(otherPage.getByTestId("runs-empty")).toBeVisible();
    const res = await otherPage.goto(runUrl);
    expect(res?.status()).toBe(404);
    await other.close();
  });

  test("a share link opens anywhere, forks, and is 404 once revoked", async ({ page, browser }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto();
    const name = "<img src=x onerror=alert(7)>.py";
    await pg.setCode("from helper import answer\nprint('<b>shared</b>', answer())\n");
    await pg.addFile("helper.py");
    await pg.setCode("def answer():\n    return 42\n");
    await pg.addFile(name);
    await pg.setCode("# a file with a hostile name\n");
    await pg.tab("main.py").click();
    await pg.runToEnd();
    await expect(pg.output()).toHaveText("<b>shared</b> 42\n");
    const link = await pg.share();

    const guest = await browser.newContext();
    const guestPage = await guest.newPage();
    let dialogs = 0;
    guestPage.on("dialog", async (d) => {
      dialogs++;
      await d.dismiss();
    });
    await guestPage.goto(new URL(link).pathname);
    await expect(guestPage.getByTestId("output")).toHaveText("<b>shared</b> 42\n");
    await expect(guestPage.locator(`[data-testid="file-tab"][data-name="${name}"]`)).toHaveText(name);
    expect(await guestPage.locator("main img, main b").count()).toBe(0);

    await guestPage.goto(`${new URL(link).pathname}?embed=1`);
    await expect(guestPage.getByTestId("embed")).toBeVisible();

    await guestPage.goto(new URL(link).pathname);
    await guestPage.getByTestId("fork").click();
    await guestPage.waitForFunction(() => (window.monaco?.editor.getEditors().length ?? 0) > 0);
    const forked = new PlaygroundPage(guestPage);
    await expect.poll(() => forked.code()).toContain("from helper import answer");
    await forked.runToEnd();
    await expect(forked.output()).toHaveText("<b>shared</b> 42\n");
    expect(dialogs).toBe(0);

    // The owner revokes it from the run page.
    await page.getByTestId("nav-history").click();
    await page.getByTestId("run-row").first().click();
    await page.getByTestId("revoke-share").first().click();
    await expect(page.getByTestId("existing-share")).toHaveCount(0);
    const gone = await guestPage.goto(new URL(link).pathname);
    expect(gone?.status()).toBe(404);
    expect((await guestPage.request.get("/s/unknown-slug-0000000000")).status()).toBe(404);
    await guest.close();
  });

  test("opens a run in the editor, runs it again, and deletes it", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto();
    await pg.setCode("print('again')\n");
    await pg.runToEnd();
    await page.getByTestId("nav-history").click();
    await page.getByTestId("run-row").first().click();
    await page.getByTestId("run-again").click();
    await expect(pg.output()).toHaveText("again\n");
    await page.getByTestId("nav-history").click();
    await page.getByTestId("run-row").first().click();
    await expect(page).toHaveURL(/\/runs\/[\w-]{21}$/);
    const url = page.url();
    page.once("dialog", (d) => d.accept());
    await page.getByTestId("delete-run").click();
    await expect(page).toHaveURL(/\/runs$/);
    expect((await page.request.get(url)).status()).toBe(404);
  });
});
