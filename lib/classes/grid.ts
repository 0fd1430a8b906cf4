/**
 * The teacher's dashboard, computed from plain rows (no database here, so it is unit-tested):
 * one cell per student and assigned exercise.
 */
export interface GridStudent {
  id: string;
  username: string;
}

export interface GridAssignment {
  id: string;
  exerciseSlug: string;
  title: string;
  dueAt: Date | null;
}

export interface GridSubmission {
  id: string;
  ownerId: string;
  exerciseSlug: string;
  verdict: string;
  score: number;
  maxScore: number;
  createdAt: Date;
}

export interface Cell {
  /** "AC" when any submission was accepted; otherwise the verdict of the best-scoring (newest on ties); null: none. */
  best: string | null;
  bestScore: number;
  maxScore: number;
  attempts: number;
  firstAcceptedAt: Date | null;
  /** Due date set and passed: accepted only after it, or not accepted by now. */
  late: boolean;
  /** The newest submission (a cell opens it). */
  latestId: string | null;
}

export interface Grid {
  students: GridStudent[];
  assignments: GridAssignment[];
  /** cells[studentIndex][assignmentIndex] */
  cells: Cell[][];
}

export function cellOf(subs: GridSubmission[], dueAt: Date | null, now: Date): Cell {
  let best: GridSubmission | null = null;
  let firstAccepted: Date | null = null;
  let latest: GridSubmission | null = null;
  for (const s of subs) {
    if (!latest || s.createdAt >= latest.createdAt) latest = s;
    if (s.verdict === "AC" && (!firstAccepted || s.createdAt < firstAccepted)) firstAccepted = s.createdAt;
    if (!best || s.score > best.score || (s.score === best.score && s.createdAt >= best.createdAt)) best = s;
  }
  const deadline = dueAt?.getTime();
  const late =
    deadline !== undefined && (firstAccepted ? firstAccepted.getTime() > deadline : now.getTime() > deadline);
  return {
    best: firstAccepted ? "AC" : (best?.verdict ?? null),
    bestScore: firstAccepted ? (subs.find((s) => s.verdict === "AC")?.score ?? 0) : (best?.score ?? 0),
    maxScore: best?.maxScore ?? latest?.maxScore ?? 0,
    attempts: subs.length,
    firstAcceptedAt: firstAccepted,
    late,
    latestId: latest?.id ?? null,
  };
}

export function buildGrid(
  students: GridStudent[],
  assignments: GridAssignment[],
  submissions: GridSubmission[],
  now = new Date(),
): Grid {
  const byKey = new Map<string, GridSubmission[]>();
  for (const s of submissions) {
    const key = `${s.ownerId}\u0000${s.exerciseSlug}`;
    const list = byKey.get(key);
    if (list) list.push(s);
    else byKey.set(key, [s]);
  }
  const cells = students.map((st) =>
    assignments.map((a) => cellOf(byKey.get(`${st.id}\u0000${a.exerciseSlug}`) ?? [], a.dueAt, now)),
  );
  return { students, assignments, cells };
}

/** A CSV field: quoted when needed, and never read as a formula by a spreadsheet. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The grid as CSV: one row per student; per exercise its verdict, score, attempts, first accept and late flag. */
export function gridCsv(grid: Grid): string {
  const header = ["student"];
  for (const a of grid.assignments)
    header.push(
      `${a.exerciseSlug} verdict`,
      `${a.exerciseSlug} score`,
      `${a.exerciseSlug} attempts`,
      `${a.exerciseSlug} first accepted (UTC)`,
      `${a.exerciseSlug} late`,
    );
  const rows = grid.students.map((st, i) => {
    const row = [st.username];
    for (const c of grid.cells[i] ?? [])
      row.push(
        c.best ?? "",
        c.attempts ? `${c.bestScore}/${c.maxScore}` : "",
        String(c.attempts),
        c.firstAcceptedAt ? c.firstAcceptedAt.toISOString() : "",
        c.late ? "yes" : "no",
      );
    return row;
  });
  return `${[header, ...rows].map((r) => r.map(csvField).join(",")).join("\r\n")}\r\n`;
}
