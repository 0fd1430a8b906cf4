/** A row the sweep may delete, oldest first; `keep` rows (still running, last accepted) stay. */
export interface TrimCandidate {
  id: string;
  sizeBytes: number;
  keep?: boolean;
}

/** Upper bounds of a bucket; null is no bound. */
export interface TrimLimits {
  count: number | null;
  bytes: number | null;
}

export interface TrimPlan {
  /** Rows to delete, oldest first. */
  ids: string[];
  freedBytes: number;
  /** Rows passed over because they must stay (the next page skips them). */
  kept: number;
  /** The bucket fits its limits once these go. */
  done: boolean;
}

const over = (count: number, bytes: number, limits: TrimLimits) =>
  (limits.count !== null && count > limits.count) || (limits.bytes !== null && bytes > limits.bytes);

/**
 * Which of these oldest-first rows go so the bucket (count rows, bytes in all) fits its limits:
 * the oldest first, skipping rows that must stay, and not one more than needed.
 */
export function planTrim(
  oldestFirst: readonly TrimCandidate[],
  totals: { count: number; bytes: number },
  limits: TrimLimits,
): TrimPlan {
  let { count, bytes } = totals;
  const ids: string[] = [];
  let freedBytes = 0;
  let kept = 0;
  for (const row of oldestFirst) {
    if (!over(count, bytes, limits)) break;
    if (row.keep) {
      kept++;
      continue;
    }
    ids.push(row.id);
    freedBytes += row.sizeBytes;
    count--;
    bytes -= row.sizeBytes;
  }
  return { ids, freedBytes, kept, done: !over(count, bytes, limits) };
}
