"use client";

import { useEffect, useState } from "react";

export type Theme = "light" | "dark";
const KEY = "runbox:theme";

function systemTheme(): Theme {
  return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

/** The page theme: the saved choice, else the system's (followed live), applied as <html class="dark">. */
export function useTheme(): [Theme, (t: Theme) => void] {
  const [theme, setTheme] = useState<Theme>("light");
  useEffect(() => {
    const saved = localStorage.getItem(KEY);
    const apply = () => setTheme(saved === "light" || saved === "dark" ? saved : systemTheme());
    apply();
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    media.addEventListener("change", apply);
    const onStorage = (e: StorageEvent) => e.key === KEY && setTheme((e.newValue as Theme) ?? systemTheme());
    window.addEventListener("storage", onStorage);
    const onChange = () => apply();
    window.addEventListener("runbox:theme", onChange);
    return () => {
      media.removeEventListener("change", apply);
      window.removeEventListener("storage", onStorage);
      window.removeEventListener("runbox:theme", onChange);
    };
  }, []);
  useEffect(() => {
    document.documentElement.classList.toggle("dark", theme === "dark");
  }, [theme]);
  const choose = (t: Theme) => {
    localStorage.setItem(KEY, t);
    setTheme(t);
    window.dispatchEvent(new Event("runbox:theme"));
  };
  return [theme, choose];
}
