import "server-only";
import type { DebugReport } from "../debug/types";
import type { ExecutionResult, StageResult } from "../sandbox/types";
import type { TerminalFacts } from "../terminal/facts";
import { db } from "./client";
import { noteRunStored } from "./retention";
import { ROW_OVERHEAD_BYTES, storedBytes } from "./row-size";
import { EMPTY_LEGACY_INPUT, encodeInput, encodeResult, inputOf, isApiRun, toRecord } from "./run-rows";
import { normalizeSearch, searchCodeOf, searchOutputOf } from "./search-text";

export type StoredStatus = ExecutionResult["status"] | "running" | "interrupted";

export interface NewRun {
  id: string;
  ownerId?: string | null;
  source: "ui" | "api" | "piston" | "jobe";
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
  /** An interactive run's limits and input (its run output is then the transcript); null otherwise. */
  terminal: TerminalFacts | null;
  wallTimeMs: number | null;
  createdAt: Date;
  finishedAt: Date | null;
}

/** Insert the run as "running" before any container exists, so a crash cannot lose it. */
export async function createRun(run: NewRun): Promise<void> {
  const client = await db();
  const input = await encodeInput(run);
  const searchCode = searchCodeOf(run.files);
  const limits = JSON.stringify(run.limits);
  const apiRun = isApiRun(run.source, run.ownerId);
  const sizeBytes = ROW_OVERHEAD_BYTES + storedBytes(input, searchCode, limits);
  await client.run.create({
    data: {
      id: run.id,
      ownerId: run.ownerId ?? null,
      source: run.source,
      language: run.language,
      version: run.version,
      ...EMPTY_LEGACY_INPUT,
      limits,
      network: run.network,
      status: "running",
      apiRun,
      sizeBytes,
      searchCode,
      input,
    },
  });
  noteRunStored({ apiRun, ownerId: run.ownerId ?? null, bytes: sizeBytes });
}

/** Record the outcome of a run (once: its stored size grows by what this adds). */
export async function finishRun(
  id: string,
  outcome: {
    status: StoredStatus;
    compile?: StageResult;
    run?: StageResult;
    message?: string;
    wallTimeMs?: number;
    debug?: DebugReport | null;
    terminal?: TerminalFacts | null;
  },
): Promise<void> {
  const client = await db();
  const result = await encodeResult(outcome);
  const searchOutput = searchOutputOf(outcome.compile, outcome.run);
  const message = outcome.message ?? null;
  const added = storedBytes(result, searchOutput, message);
  const row = await client.run.update({
    where: { id },
    data: {
      status: outcome.status,
      compile: null,
      run: null,
      debug: null,
      result,
      searchOutput,
      message,
      wallTimeMs: outcome.wallTimeMs ?? null,
      finishedAt: new Date(),
      sizeBytes: { increment: added },
    },
    select: { apiRun: true, ownerId: true },
  });
  noteRunStored({ apiRun: row.apiRun, ownerId: row.ownerId, bytes: added });
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

/** Read for search only, never shown. */
const SEARCH_COLUMNS = { searchCode: true, searchOutput: true } as const;

export async function getRun(id: string): Promise<RunRecord | null> {
  const client = await db();
  const row = await client.run.findUnique({ where: { id }, omit: SEARCH_COLUMNS });
  return row ? await toRecord(row) : null;
}

export interface RunFilter {
  ownerId: string;
  language?: string;
  status?: string;
  /** Text searched in the start of the code and of the output, case-insensitively. */
  q?: string;
  page?: number;
  pageSize?: number;
}

/**
 * Rows written since 0005 match on their lower-cased search columns; older rows (searchCode null)
 * on their JSON columns, as before (SQLite's LIKE: case-insensitive for ASCII).
 */
function searchWhere(q: string) {
  const needle = normalizeSearch(q);
  return [
    { searchCode: { contains: needle } },
    { searchOutput: { contains: needle } },
    {
      searchCode: null,
      OR: [{ files: { contains: q } }, { run: { contains: q } }, { compile: { contains: q } }],
    },
  ];
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
    ...(filter.q ? { OR: searchWhere(filter.q) } : {}),
  };
  const [rows, total] = await Promise.all([
    client.run.findMany({
      where,
      omit: { ...SEARCH_COLUMNS, result: true, compile: true, run: true, debug: true },
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    client.run.count({ where }),
  ]);
  const runs = await Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      status: r.status as StoredStatus,
      language: r.language,
      files: (await inputOf(r)).files,
      wallTimeMs: r.wallTimeMs,
      createdAt: r.createdAt,
    })),
  );
  return { runs, total, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

/** Delete one of the owner's runs; false when there is no such run of theirs. */
export async function deleteRun(id: string, ownerId: string): Promise<boolean> {
  const client = await db();
  const { count } = await client.run.deleteMany({ where: { id, ownerId } });
  return count > 0;
}
