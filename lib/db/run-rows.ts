import type { DebugReport } from "../debug/types";
import type { StageResult } from "../sandbox/types";
import type { TerminalFacts } from "../terminal/facts";
import { decodeBlob, encodeBlob } from "./blob";
import type { Run as RunRow } from "./generated/sqlite/client";
import type { NewRun, RunRecord, StoredStatus } from "./runs";
import { packStage, type StoredStage, unpackStage } from "./stage-codec";

/** Sources whose runs fall under the API retention (age and total size), not an owner's quota. */
export const API_SOURCES: readonly string[] = ["api", "piston", "jobe"];

/** API runs, and anything without an owner, share the API retention. */
export const isApiRun = (source: string, ownerId: string | null | undefined): boolean =>
  API_SOURCES.includes(source) || !ownerId;

/** A row as read for a record: the search columns are left out. */
export type ReadRow = Omit<RunRow, "searchCode" | "searchOutput">;

/** What a run's `input` blob holds (version 1). */
interface StoredInput {
  v: 1;
  files: NewRun["files"];
  stdin: string;
  args: string[];
  env: Record<string, string>;
}

/**
 * What a run's `result` blob holds. Version 2 adds `terminal` (an interactive run: its limits and
 * input; the run stage's output is then the transcript) and is written only for such runs, so
 * every other row stays readable by code that knows version 1 only.
 */
type StoredResult =
  | { v: 1; compile: StoredStage | null; run: StoredStage | null; debug: DebugReport | null }
  | { v: 2; compile: StoredStage | null; run: StoredStage | null; debug: DebugReport | null; terminal: TerminalFacts };

/** Placeholders for the old JSON columns (NOT NULL) on rows that keep their data in blobs. */
export const EMPTY_LEGACY_INPUT = { files: "[]", stdin: "", args: "[]", env: "{}" } as const;

export function encodeInput(run: Pick<NewRun, "files" | "stdin" | "args" | "env">): Promise<Uint8Array<ArrayBuffer>> {
  const stored: StoredInput = { v: 1, files: run.files, stdin: run.stdin, args: run.args, env: run.env };
  return encodeBlob(stored);
}

export function encodeResult(result: {
  compile?: StageResult | null;
  run?: StageResult | null;
  debug?: DebugReport | null;
  terminal?: TerminalFacts | null;
}): Promise<Uint8Array<ArrayBuffer>> {
  const common = {
    compile: result.compile ? packStage(result.compile) : null,
    run: result.run ? packStage(result.run) : null,
    debug: result.debug ?? null,
  };
  const stored: StoredResult = result.terminal ? { v: 2, ...common, terminal: result.terminal } : { v: 1, ...common };
  return encodeBlob(stored);
}

function checkVersion<T extends { v: number }>(value: unknown, what: string, known: number[] = [1]): T {
  const v = (value as { v?: unknown } | null)?.v;
  if (typeof v !== "number" || !known.includes(v))
    throw new Error(`This ${what} was stored in an unknown format (version ${String(v)}).`);
  return value as T;
}

/** files, stdin, args, env: from the `input` blob, or the JSON columns of a row from before it. */
export async function inputOf(
  row: Pick<ReadRow, "input" | "files" | "stdin" | "args" | "env">,
): Promise<Omit<StoredInput, "v">> {
  if (!row.input) {
    return { files: JSON.parse(row.files), stdin: row.stdin, args: JSON.parse(row.args), env: JSON.parse(row.env) };
  }
  const { files, stdin, args, env } = checkVersion<StoredInput>(await decodeBlob(row.input), "run input");
  return { files, stdin, args, env };
}

/** compile, run, debug, terminal: from the `result` blob, or the JSON columns of a row from before it. */
async function resultOf(row: ReadRow): Promise<{
  compile: StageResult | null;
  run: StageResult | null;
  debug: DebugReport | null;
  terminal: TerminalFacts | null;
}> {
  if (!row.result) {
    return {
      compile: row.compile ? JSON.parse(row.compile) : null,
      run: row.run ? JSON.parse(row.run) : null,
      debug: row.debug ? JSON.parse(row.debug) : null,
      terminal: null,
    };
  }
  const stored = checkVersion<StoredResult>(await decodeBlob(row.result), "run result", [1, 2]);
  return {
    compile: stored.compile ? unpackStage(stored.compile) : null,
    run: stored.run ? unpackStage(stored.run) : null,
    debug: stored.debug,
    terminal: stored.v === 2 ? stored.terminal : null,
  };
}

/** A stored row (either form) as the RunRecord callers have always received, in its key order. */
export async function toRecord(row: ReadRow): Promise<RunRecord> {
  const [input, result] = await Promise.all([inputOf(row), resultOf(row)]);
  return {
    id: row.id,
    ownerId: row.ownerId,
    source: row.source,
    language: row.language,
    version: row.version,
    files: input.files,
    stdin: input.stdin,
    args: input.args,
    env: input.env,
    limits: JSON.parse(row.limits),
    network: row.network,
    status: row.status as StoredStatus,
    compile: result.compile,
    run: result.run,
    message: row.message,
    debug: result.debug,
    terminal: result.terminal,
    wallTimeMs: row.wallTimeMs,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
  };
}
