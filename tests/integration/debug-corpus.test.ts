/**
 * Every corpus program (tests/corpus) through the real engine and analyze(): the parsers must
 * keep up with the toolchains actually in the images, not only with the captured answers.
 */
import { describe, expect, it } from "vitest";
import { analyze, inputFromResult } from "@/lib/debug";
import { loadCorpus, requestFor } from "../corpus/corpus";
import { execute } from "../support/engine";

const cases = loadCorpus();
const languages = [...new Set(cases.map((c) => c.language))];

describe.each(languages)("debug corpus: %s", (language) => {
  describe.concurrent("cases", () => {
    for (const c of cases.filter((k) => k.language === language)) {
      it(c.name, async () => {
        const result = await execute(requestFor(c));
        const report = analyze(
          inputFromResult(
            result,
            c.files.map((f) => f.name),
          ),
        );
        const got = {
          category: report?.category,
          stage: report?.stage,
          file: report?.locations[0]?.file,
          line: report?.locations[0]?.line,
          count: report?.locations.length,
        };
        const want = c.expect;
        expect(got, `${report?.title}\n${report?.message}`).toMatchObject({
          category: want.category,
          ...(want.stage ? { stage: want.stage } : {}),
          ...(want.file !== undefined ? { file: want.file } : {}),
          ...(want.line !== undefined ? { line: want.line } : {}),
          ...(want.count !== undefined ? { count: want.count } : {}),
        });
      });
    }
  });
});
