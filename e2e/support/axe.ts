import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

export interface AxeFinding {
  id: string;
  impact: string;
  nodes: number;
  /** A few targets, enough to find the element. */
  targets: string[];
}

/** axe-core's critical and serious findings on the page as it is now (every rule axe runs by default). */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === "critical" || v.impact === "serious")
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? "",
      nodes: v.nodes.length,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
}

export type Theme = "light" | "dark";

/** Open pages in a theme: the saved choice (as the toggle stores it) and the system preference agree. */
export async function openInTheme(page: Page, theme: Theme) {
  await page.emulateMedia({ colorScheme: theme });
  await page.addInitScript((t) => localStorage.setItem("runbox:theme", t), theme);
}
