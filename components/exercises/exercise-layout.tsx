"use client";

import { type ReactNode, useState } from "react";
import { onTabKeyDown } from "@/components/ui/tab-keys";

const PANES = [
  { id: "statement", label: "Statement" },
  { id: "solution", label: "Solution" },
] as const;
type Pane = (typeof PANES)[number]["id"];

/**
 * Statement beside the editor on wide screens; on a phone one of them at a time, chosen with
 * two tabs, so the editor is one tap away instead of screens of statement below.
 */
export function ExerciseLayout({ statement, solution }: { statement: ReactNode; solution: ReactNode }) {
  const [pane, setPane] = useState<Pane>("statement");
  const shown = (p: Pane) => (pane === p ? "flex" : "hidden");
  return (
    <div className="flex min-h-0 flex-1 flex-col lg:grid lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)] lg:grid-rows-[minmax(0,1fr)]">
      <div
        role="tablist"
        aria-label="Exercise"
        className="sticky top-0 z-10 flex border-b border-zinc-200 bg-white lg:hidden dark:border-zinc-800 dark:bg-zinc-950"
      >
        {PANES.map((p, i) => (
          <button
            key={p.id}
            type="button"
            role="tab"
            id={`pane-tab-${p.id}`}
            aria-selected={pane === p.id}
            aria-controls={`pane-${p.id}`}
            tabIndex={pane === p.id ? 0 : -1}
            data-testid={`pane-tab-${p.id}`}
            onClick={() => setPane(p.id)}
            onKeyDown={(e) => onTabKeyDown(e, i, PANES.length, (to) => setPane(PANES[to]?.id ?? "statement"))}
            className={`flex-1 px-3 py-2 text-sm ${pane === p.id ? "border-b-2 border-emerald-700 font-semibold" : "text-zinc-600 dark:text-zinc-400"}`}
          >
            {p.label}
          </button>
        ))}
      </div>
      <section
        id="pane-statement"
        role="tabpanel"
        aria-labelledby="pane-tab-statement"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: it scrolls on its own, so the keyboard must reach it
        tabIndex={0}
        className={`${shown("statement")} min-h-0 flex-col gap-4 overflow-auto border-zinc-200 p-4 lg:flex lg:border-r dark:border-zinc-800`}
      >
        {statement}
      </section>
      <section
        id="pane-solution"
        role="tabpanel"
        aria-labelledby="pane-tab-solution"
        className={`${shown("solution")} min-h-0 flex-1 flex-col lg:flex`}
      >
        {solution}
      </section>
    </div>
  );
}
