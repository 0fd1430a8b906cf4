import { expect, test } from "./fixtures";
import { PlaygroundPage } from "./pages/playground-page";

test("a fork never loses the code that was in the editor: a notice offers it back", async ({ page }) => {
  const pg = new PlaygroundPage(page);
  await pg.goto();
  await pg.setCode("print('the shared program')\n");
  await pg.runToEnd();
  const link = await pg.share();
  await pg.setCode("print('my unsaved work')\n");

  await page.goto(new URL(link).pathname);
  await page.getByTestId("fork").click();
  await page.waitForURL((u) => u.pathname === "/");
  await expect.poll(() => pg.code()).toBe("print('the shared program')\n");
  await expect(page.getByTestId("draft-notice")).toContainText("kept");
  await page.getByTestId("restore-previous").click();
  await expect.poll(() => pg.code()).toBe("print('my unsaved work')\n");
  await expect(page.getByTestId("draft-notice")).toHaveCount(0);

  // The fork's code went aside in turn, and survives a reload.
  await page.reload();
  await expect.poll(() => pg.code()).toBe("print('my unsaved work')\n");
  const earlier = page.getByTestId("earlier-drafts");
  await earlier.locator("summary").click();
  const entry = earlier.getByTestId("earlier-draft").filter({ hasText: "the shared program" });
  await expect(entry).toHaveCount(1);
  await entry.getByRole("button", { name: "Restore" }).click();
  await expect.poll(() => pg.code()).toBe("print('the shared program')\n");
  // …and my work is one click away again.
  await earlier.locator("summary").click();
  await expect(earlier.getByTestId("earlier-draft").filter({ hasText: "my unsaved work" })).toHaveCount(1);
});

test("Open in editor and Run again keep the unsaved draft recoverable", async ({ page }) => {
  const pg = new PlaygroundPage(page);
  await pg.goto();
  await pg.setCode("print('from history')\n");
  await pg.runToEnd();
  await pg.setCode("print('typed since')\n");
  await page.goto("/runs");
  await page.getByTestId("run-row").first().locator("a").click();
  await page.getByTestId("run-again").click();
  await expect(pg.output()).toHaveText("from history\n");
  await expect.poll(() => pg.code()).toBe("print('from history')\n");
  await page.getByTestId("restore-previous").click();
  await expect.poll(() => pg.code()).toBe("print('typed since')\n");

  await page.goto("/runs");
  await page.getByTestId("run-row").first().locator("a").click();
  await page.getByTestId("open-in-editor").click();
  await expect(page.getByTestId("draft-notice")).toBeVisible();
  await page.getByTestId("restore-previous").click();
  await expect.poll(() => pg.code()).toBe("print('typed since')\n");
});
