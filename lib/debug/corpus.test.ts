/**
 * Replays the engine's real answers (tests/corpus/<language>/<case>.result.json, captured by
 * tests/corpus/capture.ts) through analyze(): every parser is held to real toolchain output.
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { loadCorpus, readResult } from "../../tests/corpus/corpus";
import { analyze, inputFromResult, reportToMarkdown } from "./index";
import { formatKb, formatMb, formatMs } from "./limits";
import type { DebugCategory, DebugReport } from "./types";

const ALL_CATEGORIES: DebugCategory[] = [
  "syntax",
  "name",
  "type",
  "null_reference",
  "index",
  "zero_division",
  "import",
  "recursion",
  "assertion",
  "command_not_found",
  "undefined_function",
  "compile",
  "timeout",
  "memory",
  "output_limit",
  "process_limit",
  "signal",
  "exit_code",
];

const cases = loadCorpus();
const languages = [...new Set(cases.map((c) => c.language))];

/** Everything a learner sees, as one string. */
const visible = (r: DebugReport) => JSON.stringify([r.title, r.message, r.locations, r.frames]);

describe("corpus", () => {
  it("covers every category, and at least three per language", () => {
    expect(new Set(cases.map((c) => c.expect.category))).toEqual(new Set(ALL_CATEGORIES));
    expect(languages).toHaveLength(11);
    for (const language of languages) {
      const categories = new Set(cases.filter((c) => c.language === language).map((c) => c.expect.category));
      expect(categories.size, language).toBeGreaterThanOrEqual(3);
    }
  });

  it("has a captured result for every case", () => {
    const missing = cases.filter((c) => !fs.existsSync(c.resultPath)).map((c) => `${c.language}/${c.name}`);
    expect(missing).toEqual([]);
  });
});

describe.each(languages)("%s", (language) => {
  it.each(cases.filter((c) => c.language === language).map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const result = readResult(c);
    const report = analyze(
      inputFromResult(
        result,
        c.files.map((f) => f.name),
      ),
    );
    expect(report).not.toBeNull();
    if (!report) return;
    const { expect: want } = c;

    expect(report.category).toBe(want.category);
    if (want.stage) expect(report.stage).toBe(want.stage);
    if (want.file !== undefined) expect(report.locations[0]?.file).toBe(want.file);
    if (want.line !== undefined) expect(report.locations[0]?.line).toBe(want.line);
    if (want.count !== undefined) expect(report.locations).toHaveLength(want.count);

    // Paths as the user named them, no container paths, no terminal escapes.
    const names = c.files.map((f) => f.name);
    for (const where of [...report.locations, ...report.frames]) expect(names).toContain(where.file);
    expect(visible(report)).not.toMatch(/\/box\/|\/tmp\/runbox/);
    expect(visible(report)).not.toContain("\u001b");
    expect(report.title.length).toBeGreaterThan(0);
    expect(report.title).not.toContain("\n");
    expect(report.hint.length).toBeGreaterThan(80);

    // A limit names itself and its value.
    const limits = result.limits;
    if (report.category === "timeout") expect(`${report.title} ${report.hint}`).toContain(formatMs(limits.timeoutMs));
    if (report.category === "output_limit") expect(report.hint).toContain(formatKb(limits.outputKb));
    if (report.category === "process_limit") expect(report.hint).toContain(`${limits.pids}`);
    if (report.category === "memory" && c.language !== "php") expect(report.hint).toContain(formatMb(limits.memoryMb));

    const md = reportToMarkdown(report, c.language);
    expect(md).toContain(report.title);
    expect(md).toContain(report.hint);
  });
});
