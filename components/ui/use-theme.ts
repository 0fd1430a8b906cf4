"use client";

import { useEffect, useSyncExternalStore } from "react";

export type Theme = "light" | "dark";
const KEY = "runbox:theme";
const CHANGED = "runbox:theme";

function saved(): Theme | null {
  try {
    const v = localStorage.getItem(KEY);
    return v === "light" || v === "dark" ? v : null;
  } catch {
    return null;
  }
}

/** Read fresh on every call: the saved choice, else the system's. */
function currentTheme(): Theme {
  return saved() ?? (window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
}

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia("(prefers-color-scheme: dark)");
  // Another tab chose a theme (null key: storage was cleared).
  const onStorage = (e: StorageEvent) => (e.key === KEY || e.key === null) && onChange();
  media.addEventListener("change", onChange);
  window.addEventListener("storage", onStorage);
  window.addEventListener(CHANGED, onChange);
  return () => {
    media.removeEventListener("change", onChange);
    window.removeEventListener("storage", onStorage);
    window.removeEventListener(CHANGED, onChange);
  };
}

/** <html class="dark"> and the colour scheme of form controls and scrollbars. */
export function applyTheme(theme: Theme) {
  const root = document.documentElement;
  root.classList.toggle("dark", theme === "dark");
  root.style.colorScheme = theme;
}

function chooseTheme(theme: Theme) {
  try {
    localStorage.setItem(KEY, theme);
  } catch {
    // Storage disabled: the choice lasts for this page.
  }
  applyTheme(theme);
  window.dispatchEvent(new Event(CHANGED));
}

/**
 * The page theme: the saved choice, else the system's (followed live). Every component using it
 * reads the same store, so a toggle updates all of them at once. The server renders "light";
 * the class on <html> is already right before the first paint (theme-script.tsx).
 */
export function useTheme(): [Theme, (t: Theme) => void] {
  const theme = useSyncExternalStore(subscribe, currentTheme, () => "light" as Theme);
  useEffect(() => applyTheme(theme), [theme]);
  return [theme, chooseTheme];
}
