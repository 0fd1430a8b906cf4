import { expect, type Page } from "@playwright/test";

/** A teacher's pages: classes, the exercise editor, the dashboard. */
export class TeacherPages {
  constructor(readonly page: Page) {}

  /** Create a class; its id and join link. */
  async createClass(name: string): Promise<{ id: string; joinLink: string }> {
    await this.page.goto("/classes");
    await this.page.getByTestId("class-name").fill(name);
    await this.page.getByTestId("create-class").click();
    await expect(this.page.getByTestId("class-title")).toHaveText(name);
    const id = /\/classes\/([\w-]+)$/.exec(this.page.url())?.[1] ?? "";
    const link = this.page.getByTestId("join-link");
    await expect(link).toHaveValue(/\/join\/[A-Z0-9]{5}-[A-Z0-9]{5}$/);
    return { id, joinLink: await link.inputValue() };
  }

  /** Write an exercise in the editor and save it (its reference solution is judged); its slug. */
  async writeExercise(ex: {
    title: string;
    statement: string;
    tests: { stdin: string; expected: string; hidden: boolean }[];
    reference: string;
  }): Promise<string> {
    await this.page.goto("/teach/exercises/new");
    await this.page.getByTestId("ex-title").fill(ex.title);
    await this.page.getByTestId("ex-statement").fill(ex.statement);
    const rows = this.page.getByTestId("test-row");
    for (const [i, t] of ex.tests.entries()) {
      if (i >= (await rows.count())) await this.page.getByTestId("add-test").click();
      const row = rows.nth(i);
      await row.getByTestId("test-stdin").fill(t.stdin);
      await row.getByTestId("test-expected").fill(t.expected);
      await row.getByTestId("test-hidden").setChecked(t.hidden);
    }
    await this.page.getByTestId("reference-language").selectOption("python");
    await this.page.getByTestId("reference-code").fill(ex.reference);
    await this.page.getByTestId("ex-save").click();
    // A new exercise's page becomes its own once saved, and says the reference solution passed.
    await expect(this.page).toHaveURL(/\/teach\/exercises\/(?!new$)[\w-]+$/, { timeout: 60_000 });
    await expect(this.page.getByTestId("reference-status")).toHaveAttribute("data-accepted", "1");
    return /\/teach\/exercises\/([\w-]+)$/.exec(this.page.url())?.[1] ?? "";
  }

  async publishToClasses() {
    await this.page.getByTestId("ex-publish").click();
    await expect(this.page.getByTestId("ex-visibility")).toHaveAttribute("data-visibility", "classes");
  }

  async assign(classId: string, slug: string) {
    await this.page.goto(`/classes/${classId}`);
    await this.page.getByTestId("assign-exercise").selectOption(slug);
    await this.page.getByTestId("assign-submit").click();
    await expect(this.page.locator(`[data-testid="assignment-row"][data-slug="${slug}"]`)).toBeVisible();
  }

  cell(username: string) {
    return this.page.locator(`[data-testid="grid-row"][data-username="${username}"] [data-testid="grid-cell"]`).first();
  }
}
