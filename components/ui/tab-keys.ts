import type { KeyboardEvent } from "react";

/**
 * Arrow keys, Home and End move between the tabs of a tablist (WAI-ARIA tabs pattern with
 * automatic activation): `select(i)` chooses tab i, which then takes focus.
 */
export function onTabKeyDown(e: KeyboardEvent<HTMLElement>, index: number, count: number, select: (i: number) => void) {
  const next =
    e.key === "ArrowRight" || e.key === "ArrowDown"
      ? (index + 1) % count
      : e.key === "ArrowLeft" || e.key === "ArrowUp"
        ? (index - 1 + count) % count
        : e.key === "Home"
          ? 0
          : e.key === "End"
            ? count - 1
            : -1;
  if (next < 0) return;
  e.preventDefault();
  select(next);
  const tabs = e.currentTarget.closest('[role="tablist"]')?.querySelectorAll<HTMLElement>('[role="tab"]');
  tabs?.[next]?.focus();
}
