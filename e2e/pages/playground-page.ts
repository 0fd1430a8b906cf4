import { expect, type Page } from "@playwright/test";
import { setEditorText } from "../support/monaco";

declare global {
  interface Window {
    monaco?: {
      editor: {
        getEditors(): {
          setValue(v: string): void;
          getValue(): string;
          getPosition(): { lineNumber: number } | null;
          getModel(): { uri: { path: string } } | null;
        }[];
        getModelMarkers(filter: object): { startLineNumber: number; message: string; resource: { path: string } }[];
      };
    };
  }
}

/** The playground at /. Code is set through Monaco's API, never by typing. */
export class PlaygroundPage {
  constructor(readonly page: Page) {}

  async goto(path = "/") {
    await this.page.goto(path);
    await this.page.locator(".monaco-editor").first().waitFor();
    await this.page.waitForFunction(() => (window.monaco?.editor.getEditors().length ?? 0) > 0);
  }

  async setCode(code: string) {
    await setEditorText(this.page, code);
  }

  async code(): Promise<string> {
    return this.page.evaluate(() => window.monaco?.editor.getEditors()[0]?.getValue() ?? "");
  }

  async chooseLanguage(id: string) {
    await this.page.getByTestId("language").selectOption(id);
  }

  async setStdin(text: string) {
    await this.page.getByTestId("inputs-tab-stdin").click();
    await this.page.getByTestId("stdin").fill(text);
  }

  async setLimit(key: string, value: number) {
    await this.page.getByTestId("inputs-tab-limits").click();
    await this.page.getByTestId(`limit-${key}`).fill(String(value));
  }

  async addFile(name: string) {
    await this.page.getByTestId("add-file").click();
    await this.page.getByTestId("file-name-input").fill(name);
    await this.page.getByTestId("file-name-input").press("Enter");
  }

  tab(name: string) {
    return this.page.locator(`[data-testid="file-tab"][data-name="${name.replace(/"/g, '\\"')}"]`);
  }

  async run() {
    await this.page.getByTestId("run").click();
  }

  /** Run and wait for the result bar. */
  async runToEnd() {
    await this.run();
    await expect(this.status()).toBeVisible();
  }

  /** The output as text (the terminal's transcript, as history stores it). */
  output = () => this.page.getByTestId("output");
  terminal = () => this.page.getByTestId("terminal");

  /** Type into the terminal as a person would (click it, then keys; "Enter" is pressed apart). */
  async typeInTerminal(text: string) {
    await this.terminal().click();
    await this.page.keyboard.type(text);
  }
  status = () => this.page.getByTestId("result-status");
  sentence = () => this.page.getByTestId("result-sentence");

  async share(): Promise<string> {
    await this.page.getByTestId("share").click();
    const link = this.page.getByTestId("share-link");
    await expect(link).toHaveValue(/\/s\/[\w-]{22}$/);
    return link.inputValue();
  }
}
