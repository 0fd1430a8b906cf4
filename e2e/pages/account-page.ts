import { expect, type Page } from "@playwright/test";

/** Sign-up and sign-in forms (/sign-up, /sign-in). */
export class AccountPage {
  constructor(readonly page: Page) {}

  private async fill(username: string, password: string, confirm: boolean) {
    await this.page.getByTestId("username").fill(username);
    await this.page.getByTestId("password").fill(password);
    if (confirm) await this.page.getByTestId("confirm").fill(password);
    await this.page.getByTestId("auth-submit").click();
  }

  /** Sign up on the form already open (e.g. after a join link's redirect), or at /sign-up. */
  async signUp(username: string, password: string, open = true) {
    if (open) await this.page.goto("/sign-up");
    // Only the sign-up form has it: the page has really changed before the fields are filled.
    await this.page.getByTestId("sign-up-form").waitFor();
    await this.fill(username, password, true);
    await expect(this.page.getByTestId("nav-account")).toHaveText(username);
  }

  /** Sign in; false when the form answered with an error. */
  async signIn(username: string, password: string): Promise<boolean> {
    await this.page.goto("/sign-in");
    await this.fill(username, password, false);
    const outcome = await Promise.race([
      this.page
        .getByTestId("nav-account")
        .waitFor()
        .then(() => true),
      this.page
        .getByTestId("auth-error")
        .waitFor()
        .then(() => false),
    ]);
    return outcome;
  }

  /** Sign in, or sign up when the account does not exist yet (the test database outlives a run). */
  async signInOrUp(username: string, password: string) {
    if (!(await this.signIn(username, password))) await this.signUp(username, password);
  }
}
