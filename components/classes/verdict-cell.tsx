import Link from "next/link";
import { VERDICT_LABEL } from "@/components/exercises/verdicts";
import type { Cell } from "@/lib/classes/grid";

const TONE: Record<string, string> = {
  AC: "bg-emerald-200 text-emerald-950 dark:bg-emerald-800 dark:text-emerald-50",
  none: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  other: "bg-amber-100 text-amber-950 dark:bg-amber-900 dark:text-amber-50",
};

/** One dashboard cell: best verdict, attempts, first accept, late flag; opens the student's submissions. */
export function VerdictCell({ cell, href, label }: { cell: Cell; href: string; label: string }) {
  const tone = cell.best === "AC" ? TONE.AC : cell.best ? TONE.other : TONE.none;
  const title = cell.best ? (VERDICT_LABEL[cell.best as keyof typeof VERDICT_LABEL] ?? cell.best) : "No submission";
  const body = (
    <span className="flex flex-col items-center gap-0.5">
      <span className="font-semibold" title={title}>
        {cell.best ?? "–"}
      </span>
      <span className="text-xs">
        {cell.attempts} {cell.attempts === 1 ? "try" : "tries"}
        {cell.late ? " · late" : ""}
      </span>
      {cell.firstAcceptedAt && (
        <time className="text-xs" dateTime={cell.firstAcceptedAt.toISOString()}>
          {cell.firstAcceptedAt.toISOString().slice(5, 16).replace("T", " ")}
        </time>
      )}
    </span>
  );
  return (
    <td
      className={`border border-zinc-300 p-1 text-center dark:border-zinc-700 ${tone}`}
      data-testid="grid-cell"
      data-verdict={cell.best ?? "none"}
      data-late={cell.late ? "1" : "0"}
    >
      {cell.attempts > 0 ? (
        <Link href={href} className="block rounded hover:underline" aria-label={`${label}: ${title}, open submissions`}>
          {body}
        </Link>
      ) : (
        body
      )}
    </td>
  );
}
