import { expect, type Page } from "@playwright/test";

/**
 * Set the editor's text through Monaco's API (never by typing). The app hears about it
 * through @monaco-editor/react's change subscription, which exists only once the editor is
 * ready, so repeat until the app has saved the text (both editors autosave to localStorage).
 */
export async function setEditorText(page: Page, text: string) {
  await page.waitForFunction(() => (window.monaco?.editor.getEditors().length ?? 0) > 0);
  await expect
    .poll(
      async () =>
        page.evaluate((t) => {
          const editor = window.monaco?.editor.getEditors()[0];
          const saved = Object.keys(localStorage).some(
            (k) =>
              (localStorage.getItem(k) ?? "").includes(JSON.stringify(t).slice(1, -1)) || localStorage.getItem(k) === t,
          );
          if (saved && editor?.getValue() === t) return true;
          editor?.setValue(t);
          return false;
        }, text),
      { intervals: [50, 100, 200] },
    )
    .toBe(true);
}
