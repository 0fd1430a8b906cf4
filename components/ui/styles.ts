/** Class names shared by the account, class and editor forms (contrast ≥ 4.5:1 in both themes). */
export const INPUT =
  "rounded border border-zinc-400 bg-white px-2 py-1 text-zinc-900 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100";
export const BUTTON_PRIMARY =
  "rounded bg-emerald-700 px-3 py-1.5 font-medium text-white hover:bg-emerald-800 disabled:opacity-60";
export const BUTTON =
  "rounded border border-zinc-400 px-3 py-1.5 hover:bg-zinc-100 disabled:opacity-60 dark:border-zinc-600 dark:hover:bg-zinc-800";
export const BUTTON_DANGER =
  "rounded border border-red-700 px-3 py-1.5 text-red-800 hover:bg-red-50 dark:border-red-400 dark:text-red-300 dark:hover:bg-red-950";
export const MUTED = "text-zinc-600 dark:text-zinc-400";
export const CARD = "rounded border border-zinc-300 p-4 dark:border-zinc-700";
export const ERROR_TEXT = "text-sm text-red-800 dark:text-red-300";
