import { MUTED } from "@/components/ui/styles";
import type { InternalError } from "@/lib/metrics/internal-errors";

/** The last faults around programs on this instance, newest first, with rbrun's own words. */
export function InternalErrors({ errors }: { errors: InternalError[] }) {
  if (errors.length === 0)
    return (
      <p className={`text-sm ${MUTED}`} data-testid="admin-no-errors">
        No internal errors since this instance started.
      </p>
    );
  return (
    <ul className="flex flex-col gap-2" data-testid="admin-errors">
      {errors.map((e) => (
        <li key={e.id} className="text-sm" data-testid="admin-error-row">
          <p>
            <span className={MUTED}>{e.at.toISOString().replace("T", " ").slice(0, 19)} UTC</span> · {e.kind} ·{" "}
            <code>{e.language}</code> · {e.message}
          </p>
          {e.diagnostics && (
            <pre className="mt-1 max-h-40 overflow-auto whitespace-pre-wrap rounded bg-zinc-100 p-2 text-xs dark:bg-zinc-900">
              {e.diagnostics}
            </pre>
          )}
        </li>
      ))}
    </ul>
  );
}
