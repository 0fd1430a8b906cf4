import "server-only";
import type { DebugReport } from "../debug/types";
import type { StageResult } from "../sandbox/types";
import type { TerminalFacts } from "../terminal/facts";
import { db } from "./client";
import { isKey, storableText } from "./keys";
import { noteRunStored } from "./retention";
import { ROW_OVERHEAD_BYTES, storedBytes } from "./row-size";
import { EMPTY_LEGACY_INPUT, encodeInput, encodeResult, inputOf, isApiRun, type ReadRow, toRecord } from "./run-rows";
import { matchingRunIds } from "./run-search";
import { searchCodeOf, searchOutputOf } from "./search-text";

export type { StoredStatus } from "../outcome-text";

import type { StoredStatus } from "../outcome-text";

export interface NewRun {
  id: string;
  /** The instance that runs it. */
  instanceId?: string;
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
      instanceId: run.instanceId ?? null,
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
  const message = outcome.message === undefined ? null : storableText(outcome.message);
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

/**
 * Runs still "running" whose instance is no longer running them become "interrupted": this
 * instance's own from before it (re)started (`startedBefore`), those of `goneInstances` (their
 * heartbeat stopped), and, without an instance, any from before this start (rows older than
 * instance ids). Other live instances' runs are never touched.
 */
export async function markInterruptedRuns(
  startedBefore: Date,
  scope: { instanceId?: string; goneInstances?: string[] } = {},
): Promise<number> {
  const client = await db();
  const own = scope.instanceId
    ? [
        { instanceId: scope.instanceId, createdAt: { lt: startedBefore } },
        { instanceId: null, createdAt: { lt: startedBefore } },
      ]
    : [{ createdAt: { lt: startedBefore } }];
  const gone = (scope.goneInstances ?? []).filter(isKey).map((id) => ({ instanceId: id }));
  const { count } = await client.run.updateMany({
    where: { status: "running", OR: [...own, ...gone] },
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

/** Who owns a run, whether it is still running, and which instance runs it: cheap, for live runs. */
export async function runState(
  id: string,
): Promise<{ ownerId: string | null; status: string; instanceId: string | null } | null> {
  if (!isKey(id)) return null;
  const client = await db();
  return client.run.findUnique({ where: { id }, select: { ownerId: true, status: true, instanceId: true } });
}

export async function getRun(id: string): Promise<RunRecord | null> {
  if (!isKey(id)) return null;
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

/** A run as the history list shows it: without stdin, outputs or report (each may be MiBs). */
export type RunSummary = Pick<RunRecord, "id" | "status" | "language" | "files" | "wallTimeMs" | "createdAt">;

/** The columns a summary reads: not the result (outputs, report), which can be MiBs per run. */
const SUMMARY_OMIT = { ...SEARCH_COLUMNS, result: true, compile: true, run: true, debug: true } as const;

async function summaryOf(r: Omit<ReadRow, "result" | "compile" | "run" | "debug">): Promise<RunSummary> {
  return {
    id: r.id,
    status: r.status as StoredStatus,
    language: r.language,
    files: (await inputOf(r)).files,
    wallTimeMs: r.wallTimeMs,
    createdAt: r.createdAt,
  };
}

/** One owner's runs, newest first, filtered and paginated. */
export async function listRuns(filter: RunFilter): Promise<{ runs: RunSummary[]; total: number; pages: number }> {
  const client = await db();
  const pageSize = filter.pageSize ?? 20;
  const page = Math.max(1, filter.page ?? 1);
  const skip = (page - 1) * pageSize;
  const pages = (total: number) => Math.max(1, Math.ceil(total / pageSize));
  // A language or status no row can have (see isKey) matches nothing.
  if ((filter.language && !isKey(filter.language)) || (filter.status && !isKey(filter.status)))
    return { runs: [], total: 0, pages: 1 };
  const scope = {
    ownerId: filter.ownerId,
    ...(filter.language ? { language: filter.language } : {}),
    ...(filter.status ? { status: filter.status } : {}),
  };
  if (filter.q) {
    const ids = await matchingRunIds(scope, filter.q);
    const pageIds = ids.slice(skip, skip + pageSize);
    const rows = await client.run.findMany({ where: { id: { in: pageIds } }, omit: SUMMARY_OMIT });
    const byId = new Map(rows.map((r) => [r.id, r]));
    // In the search's order; a run deleted since is left out.
    const ordered = pageIds.flatMap((id) => byId.get(id) ?? []);
    return { runs: await Promise.all(ordered.map(summaryOf)), total: ids.length, pages: pages(ids.length) };
  }
  const [rows, total] = await Promise.all([
    client.run.findMany({ where: scope, omit: SUMMARY_OMIT, orderBy: { createdAt: "desc" }, skip, take: pageSize }),
    client.run.count({ where: scope }),
  ]);
  return { runs: await Promise.all(rows.map(summaryOf)), total, pages: pages(total) };
}

/** Delete one of the owner's runs; false when there is no such run of theirs. */
export async function deleteRun(id: string, ownerId: string): Promise<boolean> {
  if (!isKey(id)) return false;
  const client = await db();
  const { count } = await client.run.deleteMany({ where: { id, ownerId } });
  return count > 0;
}
