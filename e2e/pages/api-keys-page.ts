import { expect, type Locator, type Page } from "@playwright/test";

/** The API keys section of /account. */
export class ApiKeysPage {
  constructor(readonly page: Page) {}

  get section(): Locator {
    return this.page.getByTestId("api-keys-section");
  }

  row(name: string): Locator {
    return this.section.locator(`[data-testid="api-key-row"][data-key-name="${name}"]`);
  }

  /** Make a key named `name` and return its token (shown this once). */
  async create(name: string): Promise<string> {
    await this.page.goto("/account");
    await this.section.getByTestId("key-name").fill(name);
    await this.section.getByTestId("key-create").click();
    const box = this.section.getByTestId("new-key");
    await expect(box).toHaveValue(/^rbx_[0-9A-Za-z]{43}$/);
    await expect(this.row(name)).toBeVisible();
    return box.inputValue();
  }

  async revoke(name: string): Promise<void> {
    await this.row(name).getByTestId("key-revoke").click();
    await expect(this.row(name)).toHaveAttribute("data-revoked", "true");
  }
}
