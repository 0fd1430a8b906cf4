import { test as base, expect } from "@playwright/test";

/**
 * Every test: no console errors, no uncaught page errors, no dialogs (an XSS would open one),
 * and no request to anything but 127.0.0.1.
 */
export const test = base.extend<{ guard: { dialogs: string[] } }>({
  guard: [
    async ({ context }, use) => {
      const problems: string[] = [];
      const dialogs: string[] = [];
      context.on("request", (req) => {
        const url = new URL(req.url());
        if (!["http:", "https:", "ws:", "wss:"].includes(url.protocol)) return;
        if (url.hostname !== "127.0.0.1") problems.push(`request left the machine: ${req.url()}`);
      });
      context.on("page", (page) => {
        page.on("console", (m) => {
          if (m.type() !== "error") return;
          // A 404 page: Chromium reports the document's own status; its scripts must still load.
          if (m.text().includes("status of 404") && m.location().url === page.url()) return;
          problems.push(`console error: ${m.text()}`);
        });
        // Monaco rejects pending work with "Canceled" when a page unloads mid-load; not ours.
        page.on("pageerror", (e) => e.message !== "Canceled" && problems.push(`page error: ${e.message}`));
        page.on("dialog", async (d) => {
          // Confirms belong to the test that triggers them; any alert would be an XSS.
          if (d.type() === "confirm") return;
          dialogs.push(d.message());
          await d.dismiss();
        });
      });
      await use({ dialogs });
      expect(problems).toEqual([]);
      expect(dialogs).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
