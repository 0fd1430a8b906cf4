/**
 * The debug corpus: real failing programs, one JSON file each, with what the analysis must
 * find. `<case>.result.json` beside each holds the engine's real answer (tests/corpus/capture.ts),
 * so unit tests replay real toolchain output without Docker.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { DebugCategory } from "../../lib/debug/types";
import type { ExecutionResult } from "../../lib/sandbox/types";

export interface CorpusExpect {
  category: DebugCategory;
  stage?: "compile" | "run";
  /** The first location's file and line; absent when the output names none (limits, signals). */
  file?: string;
  line?: number;
  /** Number of locations (compile errors) when several. */
  count?: number;
}

export interface CorpusCase {
  language: string;
  name: string;
  files: { name: string; content: string }[];
  stdin?: string;
  limits?: Record<string, number>;
  expect: CorpusExpect;
  /** Path of the captured ExecutionResult (may not exist yet). */
  resultPath: string;
}

export const CORPUS_DIR = path.dirname(fileURLToPath(import.meta.url));

export function loadCorpus(): CorpusCase[] {
  const cases: CorpusCase[] = [];
  for (const language of fs.readdirSync(CORPUS_DIR).sort()) {
    const dir = path.join(CORPUS_DIR, language);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const file of fs.readdirSync(dir).sort()) {
      if (!file.endsWith(".json") || file.endsWith(".result.json")) continue;
      const name = file.slice(0, -".json".length);
      const body = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Omit<CorpusCase, "language" | "name">;
      cases.push({ ...body, language, name, resultPath: path.join(dir, `${name}.result.json`) });
    }
  }
  return cases;
}

/** The request execute() takes for a case. */
export function requestFor(c: CorpusCase) {
  return { language: c.language, files: c.files, stdin: c.stdin ?? "", limits: c.limits };
}

export function readResult(c: CorpusCase): ExecutionResult {
  return JSON.parse(fs.readFileSync(c.resultPath, "utf8")) as ExecutionResult;
}
