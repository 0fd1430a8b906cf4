import { expect, test } from "./fixtures";
import { PlaygroundPage } from "./pages/playground-page";

test.describe("identity", () => {
  test("a fork link with autorun=1 shows the code but runs nothing until you click Run", async ({ page, browser }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto();
    const marker = `forked${Date.now()}`;
    await pg.setCode(`print('${marker}')\n`);
    await pg.runToEnd();
    const slug = new URL(await pg.share()).pathname.split("/").at(-1);

    // A visitor follows a link someone else made.
    const visitor = await browser.newContext();
    const visitorPage = await visitor.newPage();
    const actions: string[] = [];
    visitorPage.on("request", (r) => {
      if (r.method() === "POST" && r.headers()["next-action"]) actions.push(r.url());
    });
    const forked = new PlaygroundPage(visitorPage);
    // Monaco mounts after hydration, and autorun fires in the first effect: by now it would have run.
    await forked.goto(`/?fork=${slug}&autorun=1`);
    await expect.poll(() => forked.code()).toContain(marker);
    await expect(visitorPage.getByTestId("run")).toBeEnabled();
    await expect(forked.status()).toHaveCount(0);
    expect(actions).toEqual([]);
    await visitorPage.goto("/runs");
    await expect(visitorPage.getByTestId("runs-empty")).toBeVisible();

    // With a click, it runs.
    await forked.goto(`/?fork=${slug}`);
    await forked.runToEnd();
    await expect(forked.output()).toHaveText(`${marker}\n`);
    expect(actions).toHaveLength(1);
    await visitor.close();
  });
});
