"use client";

import { type RefObject, useEffect } from "react";

/**
 * Page-wide keys: Ctrl/⌘+Enter runs (the editor has its own binding, which wins inside it);
 * Escape stops a running program when focus is outside the editor (inside, Escape belongs to
 * Monaco: closing widgets, and the first half of Escape-then-Tab; in the terminal, to the program).
 */
export function usePageKeys(actions: RefObject<{ run: () => void; stop: () => void; running: boolean }>) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        actions.current.run();
      } else if (e.key === "Escape" && !e.defaultPrevented && actions.current.running) {
        const target = e.target instanceof Element ? e.target : null;
        if (target?.closest(".monaco-editor, .xterm")) return;
        e.preventDefault();
        actions.current.stop();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [actions]);
}
