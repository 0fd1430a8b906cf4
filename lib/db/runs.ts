import "server-only";
import type { DebugReport } from "../debug/types";
import type { ExecutionResult, StageResult } from "../sandbox/types";
import { db } from "./client";

export type StoredStatus = ExecutionResult["status"] | "running" | "interrupted";

export interface NewRun {
  id: string;
  ownerId?: string | null;
  source: "ui" | "api" | "piston";
  language: string;
  version: string;
  files: { name?: string; content: string; encoding?: string }[];
  stdin: string;
  args: string[];
  env: Record<string, string>;
  limits: object;
  network: boolean;
}

/** A run as the API shows it. */
export interface RunRecord {
  id: string;
  ownerId: string | null;
  source: string;
  status: StoredStatus;
  language: string;
  version: string;
  files: NewRun["files"];
  stdin: string;
  args: string[];
  env: Record<string, string>;
  limits: Record<string, number>;
  network: boolean;
  compile: StageResult | null;
  run: StageResult | null;
  message: string | null;
  debug: DebugReport | null;
  wallTimeMs: number | null;
  createdAt: Date;
  finishedAt: Date | null;
}

/** Insert the run as "running" before any container exists, so a crash cannot lose it. */
export async function createRun(run: NewRun): Promise<void> {
  const client = await db();
  await client.run.create({
    data: {
      id: run.id,
      ownerId: run.ownerId ?? null,
      source: run.source,
      language: run.language,
      version: run.version,
      files: JSON.stringify(run.files),
      stdin: run.stdin,
      args: JSON.stringify(run.args),
      env: JSON.stringify(run.env),
      limits: JSON.stringify(run.limits),
      network: run.network,
      status: "running",
    },
  });
}

/** Record the outcome of a run. */
export async function finishRun(
  id: string,
  outcome: {
    status: StoredStatus;
    compile?: StageResult;
    run?: StageResult;
    message?: string;
    wallTimeMs?: number;
    debug?: DebugReport | null;
  },
): Promise<void> {
  const client = await db();
  await client.run.update({
    where: { id },
    data: {
      status: outcome.status,
      compile: outcome.compile ? JSON.stringify(outcome.compile) : null,
      run: outcome.run ? JSON.stringify(outcome.run) : null,
      message: outcome.message ?? null,
      debug: outcome.debug ? JSON.stringify(outcome.debug) : null,
      wallTimeMs: outcome.wallTimeMs ?? null,
      finishedAt: new Date(),
    },
  });
}

/** Runs still "running" from before this process started are marked "interrupted". */
export async function markInterruptedRuns(startedBefore: Date): Promise<number> {
  const client = await db();
  const { count } = await client.run.updateMany({
    where: { status: "running", createdAt: { lt: startedBefore } },
    data: {
      status: "interrupted",
      message: "The server stopped while this run was in progress.",
      finishedAt: new Date(),
    },
  });
  return count;
}

type RunRow = NonNullable<Awaited<ReturnType<Awaited<ReturnType<typeof db>>["run"]["findUnique"]>>>;

function toRecord(row: RunRow): RunRecord {
  return {
    ...row,
    status: row.status as StoredStatus,
    files: JSON.parse(row.files),
    args: JSON.parse(row.args),
    env: JSON.parse(row.env),
    limits: JSON.parse(row.limits),
    compile: row.compile ? JSON.parse(row.compile) : null,
    run: row.run ? JSON.parse(row.run) : null,
    debug: row.debug ? JSON.parse(row.debug) : null,
  };
}

export async function getRun(id: string): Promise<RunRecord | null> {
  const client = await db();
  const row = await client.run.findUnique({ where: { id } });
  return row ? toRecord(row) : null;
}

export interface RunFilter {
  ownerId: string;
  language?: string;
  status?: string;
  /** Text searched in the code and the output (case-insensitive for ASCII). */
  q?: string;
  page?: number;
  pageSize?: number;
}

/** A run as the history list shows it: without stdin, outputs or report (each may be MiBs). */
export type RunSummary = Pick<RunRecord, "id" | "status" | "language" | "files" | "wallTimeMs" | "createdAt">;

/** One owner's runs, newest first, filtered and paginated. */
export async function listRuns(filter: RunFilter): Promise<{ runs: RunSummary[]; total: number; pages: number }> {
  const client = await db();
  const pageSize = filter.pageSize ?? 20;
  const page = Math.max(1, filter.page ?? 1);
  const where = {
    ownerId: filter.ownerId,
    ...(filter.language ? { language: filter.language } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.q
      ? {
          OR: [{ files: { contains: filter.q } }, { run: { contains: filter.q } }, { compile: { contains: filter.q } }],
        }
      : {}),
  };
  const [rows, total] = await Promise.all([
    client.run.findMany({
      where,
      select: { id: true, status: true, language: true, files: true, wallTimeMs: true, createdAt: true },
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    client.run.count({ where }),
  ]);
  const runs = rows.map((r) => ({ ...r, status: r.status as StoredStatus, files: JSON.parse(r.files) }));
  return { runs, total, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

/** Delete one of the owner's runs; false when there is no such run of theirs. */
export async function deleteRun(id: string, ownerId: string): Promise<boolean> {
  const client = await db();
  const { count } = await client.run.deleteMany({ where: { id, ownerId } });
  return count > 0;
}
