/**
 * A stored run cut into parts, with each part's chunk table computed at most once. Shares keep
 * one of these in a cache (a share never changes); a run page builds one per request and only
 * ever scans what it serves.
 */
import type { OutputFile } from "../sandbox/types";
import { type Part, partsOf, type StoredRun, stageSummary } from "./run-parts";
import type { TextChunk } from "./text-chunk";
import { type ChunkStart, chunkAt, chunkIndexOf, chunkStarts, scanChunk } from "./text-chunks";

export type ChunkLookup =
  | { ok: true; chunk: TextChunk }
  | { ok: false; status: 400 | 404; message: string; code: "invalid_request" | "not_found" };

/** Why a part is not there, in words. */
export const missingPart = (name: string): string =>
  name === "compile"
    ? "This run has no compile output."
    : name === "run"
      ? "This run has no output."
      : name === "stdin"
        ? "This run had no input."
        : "This run has no such file.";

export class PreparedRun {
  /** The run's metadata, without the texts of its stages (those live in `parts`). */
  readonly meta: StoredRun;
  readonly parts: Part[];
  /** Files the program wrote under /box/out, with their bytes (base64): for the file routes only. */
  readonly outputFiles: OutputFile[];
  private readonly tables = new Map<string, ChunkStart[]>();

  constructor(run: StoredRun, defaultFile?: string) {
    this.parts = partsOf(run, defaultFile);
    this.outputFiles = run.run?.files ?? [];
    // Texts are dropped here so nothing can pass `meta` to a page in full by mistake.
    this.meta = {
      ...run,
      files: run.files.map((f) => ({ name: f.name, content: "" })),
      stdin: "",
      compile: stageSummary(run.compile),
      run: stageSummary(run.run),
    };
  }

  part(name: string): Part | null {
    return this.parts.find((p) => p.name === name) ?? null;
  }

  /** All chunk starts of a part (one linear scan, remembered). */
  starts(part: Part): ChunkStart[] {
    let starts = this.tables.get(part.name);
    if (!starts) {
      starts = chunkStarts(part.text, part.limits);
      this.tables.set(part.name, starts);
    }
    return starts;
  }

  /** The first chunk of a part, scanning only that chunk unless the table is already known. */
  first(part: Part): TextChunk & { weight: number } {
    const { end, weight } = scanChunk(part.text, 0, {}, part.limits);
    const next = end < part.text.length ? end : null;
    return {
      part: part.name,
      offset: 0,
      next,
      total: part.text.length,
      style: {},
      text: part.text.slice(0, end),
      weight,
    };
  }

  /** The chunk of `name` that starts at `offset` (an offset this server handed out as `next`). */
  chunk(name: string, offset: number): ChunkLookup {
    const part = this.part(name);
    if (!part) return { ok: false, status: 404, code: "not_found", message: missingPart(name) };
    const starts = this.starts(part);
    const index = chunkIndexOf(starts, offset);
    const found = index >= 0 ? chunkAt(part.text, starts, index) : null;
    if (!found)
      return {
        ok: false,
        status: 400,
        code: "invalid_request",
        message: `offset ${offset} is not where a chunk of this ${part.text.length}-character text starts; use the "next" of the previous chunk.`,
      };
    return { ok: true, chunk: { part: part.name, total: part.text.length, ...found } };
  }

  /** Memory this object holds, roughly (UTF-16 texts, chunk tables, metadata), for a cache bounded by bytes. */
  bytes(): number {
    let n = 4096 + JSON.stringify(this.meta.debug ?? null).length * 2;
    for (const p of this.parts) n += p.text.length * 2 + 256;
    for (const t of this.tables.values()) n += t.length * 96;
    for (const f of this.outputFiles) n += f.content.length + f.name.length * 2 + 256;
    return n;
  }
}
