import { analyze, inputFromResult } from "./lib/debug";
import { loadCorpus, readResult } from "./tests/corpus/corpus";

const only = process.argv[2];
let bad = 0;
for (const c of loadCorpus()) {
  if (only && c.language !== only && `${c.language}/${c.name}` !== only) continue;
  const r = analyze(
    inputFromResult(
      readResult(c),
      c.files.map((f) => f.name),
    ),
  );
  const loc = r?.locations[0];
  const ok =
    r &&
    r.category === c.expect.category &&
    (c.expect.file === undefined || loc?.file === c.expect.file) &&
    (c.expect.line === undefined || loc?.line === c.expect.line) &&
    (c.expect.count === undefined || r.locations.length === c.expect.count) &&
    (c.expect.stage === undefined || r.stage === c.expect.stage);
  if (!ok) bad++;
  console.log(
    `${ok ? "ok  " : "FAIL"} ${c.language}/${c.name}: ${r?.category} ${loc?.file}:${loc?.line} n=${r?.locations.length} | ${r?.title}${ok ? "" : `   expected ${JSON.stringify(c.expect)}`}`,
  );
  if (process.argv[3] === "-v" && r) console.log(JSON.stringify(r, null, 2));
}
console.log("failures:", bad);
