import { analyze, inputFromResult, reportToMarkdown } from "./lib/debug";
import { loadCorpus, readResult } from "./tests/corpus/corpus";

const only = process.argv[2];
for (const c of loadCorpus()) {
  if (only && c.language !== only && `${c.language}/${c.name}` !== only) continue;
  const r = analyze(
    inputFromResult(
      readResult(c),
      c.files.map((f) => f.name),
    ),
  );
  console.log(`\n================ ${c.language}/${c.name}\n`);
  if (r) console.log(reportToMarkdown(r, c.language));
}
