import Link from "next/link";
import { MUTED } from "@/components/ui/styles";

export interface AssignedItem {
  id: string;
  exerciseSlug: string;
  title: string;
  className?: string;
  dueAt: Date | null;
  status: "solved" | "attempted" | "new";
  late: boolean;
}

const STATUS = {
  solved: { text: "Solved", tone: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100" },
  attempted: { text: "Attempted", tone: "bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100" },
  new: { text: "Not started", tone: "bg-zinc-100 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-100" },
};

export const formatUtc = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** "Assigned to you": each exercise with its class, due date and the student's status. */
export function AssignedList({ items }: { items: AssignedItem[] }) {
  if (items.length === 0) return <p className={`text-sm ${MUTED}`}>Nothing is assigned to you yet.</p>;
  return (
    <ul className="divide-y divide-zinc-300 rounded border border-zinc-300 dark:divide-zinc-700 dark:border-zinc-700">
      {items.map((a) => (
        <li
          key={a.id}
          className="flex flex-wrap items-center gap-3 px-3 py-2"
          data-testid="assigned-row"
          data-slug={a.exerciseSlug}
          data-status={a.status}
        >
          <Link href={`/exercises/${a.exerciseSlug}`} className="font-medium underline">
            {a.title}
          </Link>
          {a.className && <span className={`text-sm ${MUTED}`}>{a.className}</span>}
          <span className={`rounded px-2 py-0.5 text-xs font-semibold ${STATUS[a.status].tone}`}>
            {STATUS[a.status].text}
          </span>
          {a.late && (
            <span className="rounded bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900 dark:bg-red-900/60 dark:text-red-100">
              Late
            </span>
          )}
          <span className={`ml-auto text-sm ${MUTED}`}>{a.dueAt ? `Due ${formatUtc(a.dueAt)}` : "No due date"}</span>
        </li>
      ))}
    </ul>
  );
}
