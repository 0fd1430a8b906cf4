import type { Page } from "@playwright/test";

/** The home page's quick-run form. */
export class HomePage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/");
  }

  language = () => this.page.getByTestId("language");
  code = () => this.page.getByTestId("code");
  stdin = () => this.page.getByTestId("stdin");
  output = () => this.page.getByTestId("output");
  status = () => this.page.getByTestId("status");

  async run(language: string, code: string, stdin = "") {
    await this.language().selectOption(language);
    await this.code().fill(code);
    await this.stdin().fill(stdin);
    await this.page.getByTestId("run").click();
  }
}
