/**
 * Re-capture the engine's real answer for every corpus case (or those matching the filters):
 *   npx tsx tests/corpus/capture.ts [python | python/name_error ...]
 * Needs Docker and the images, like the integration tests.
 */
import fs from "node:fs";
import { execute } from "../support/engine";
import { type CorpusCase, loadCorpus, requestFor } from "./corpus";

const filters = process.argv.slice(2);
const wanted = (c: CorpusCase) =>
  filters.length === 0 || filters.some((f) => f === c.language || f === `${c.language}/${c.name}`);

async function capture(c: CorpusCase): Promise<void> {
  const result = await execute(requestFor(c));
  // wallTimeMs includes queueing: noise in a diff, and nothing the analysis reads.
  const { wallTimeMs: _ignored, ...kept } = result;
  fs.writeFileSync(c.resultPath, `${JSON.stringify(kept, null, 2)}\n`);
  console.log(`${c.language}/${c.name}: ${result.status}`);
}

const queue = loadCorpus().filter(wanted);
// The engine runs two at a time; a few more in flight keep it busy without filling its queue.
await Promise.all(
  Array.from({ length: 4 }, async () => {
    for (let c = queue.shift(); c; c = queue.shift()) await capture(c);
  }),
);
process.exit(0);
