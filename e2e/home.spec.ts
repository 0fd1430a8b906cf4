import { expect, test } from "@playwright/test";
import { HomePage } from "./pages/home-page";

test("runs a program from the home page", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  const home = new HomePage(page);
  await home.goto();
  await expect(page.getByRole("heading", { name: "Runbox" })).toBeVisible();
  await expect(home.language().locator("option")).toHaveCount(11);
  await home.run("python", "name = input()\nprint(f'Hello, {name}!')", "Chromium\n");
  await expect(home.status()).toHaveText("ok");
  await expect(home.output()).toHaveText("Hello, Chromium!");
  expect(errors).toEqual([]);
});

test("shows a program's HTML output as text", async ({ page }) => {
  const home = new HomePage(page);
  await home.goto();
  let dialog = false;
  page.on("dialog", () => {
    dialog = true;
  });
  await home.run("bash", "echo '<img src=x onerror=alert(1)><script>alert(2)</script>'");
  await expect(home.output()).toContainText("<script>alert(2)</script>");
  expect(await home.output().locator("img, script").count()).toBe(0);
  expect(dialog).toBe(false);
});

test("health answers 200 when Docker and the database work", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect((await res.json()).status).toBe("ok");
});
