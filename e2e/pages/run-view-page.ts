import type { Page } from "@playwright/test";

/** A stored run as /runs/{id} and /s/{slug} show it: bounded output with "Show more" and a download. */
export class RunViewPage {
  constructor(readonly page: Page) {}

  output = () => this.page.getByTestId("output");
  showMore = (part = "run") => this.page.locator(`[data-testid="show-more"][data-part="${part}"]`);
  shownAmount = (part = "run") => this.page.locator(`[data-testid="shown-amount"][data-part="${part}"]`);
  download = (part = "run") => this.page.locator(`[data-testid="download-output"][data-part="${part}"]`);

  /** Characters of output on screen (escape sequences are not shown, only their text). */
  async outputLength(): Promise<number> {
    return (await this.output().textContent())?.length ?? 0;
  }

  /** Characters in bold spans: colours survive chunk boundaries. */
  async boldSpans(): Promise<number> {
    return this.output().locator('span[style*="font-weight"]').count();
  }
}
