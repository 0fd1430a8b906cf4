// Time of one similarity report at its bounds (by hand: npx tsx bench/similarity.ts): 200
// submissions of ~150-line programs, half of them edited copies of others. Prints one line.
import { MAX_DOCUMENTS, similarityReport } from "../lib/similarity/report";

function program(seed: number): string {
  const lines: string[] = [];
  let x = seed * 2654435761;
  for (let i = 0; i < 150; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    const v = `v${x % 97}`;
    // Structure varies with the seed (tokens ignore names and numbers, not shapes): a random
    // expression of 1 to 6 operators after one of a few statement heads.
    const ops = ["+", "-", "*", "//", "%", "**", "&", "|"];
    let expr = v;
    for (let k = 0; k <= (x >>> 3) % 6; k++) expr += ` ${ops[(x >>> (5 + 3 * k)) % ops.length]} ${k % 2 ? v : x % 31}`;
    const shapes = [
      `for ${v} in range(${expr}):`,
      `    ${v} = ${expr}`,
      `    if ${expr}: print(${v})`,
      `    ${v}.append((${expr},))`,
    ];
    lines.push(shapes[(x >>> 8) % shapes.length] as string);
  }
  return lines.join("\n");
}

const subs = Array.from({ length: MAX_DOCUMENTS }, (_, i) => ({
  id: String(i),
  owner: `s${i}`,
  language: "python",
  // Every odd student copies the even one before them and renames a variable.
  code: i % 2 ? program(i - 1).replaceAll("v1", "w1") : program(i),
}));
const started = performance.now();
const report = similarityReport(subs);
const ms = performance.now() - started;
console.log(
  `${subs.length} submissions (${subs[0]?.code.length} chars each), ${(subs.length * (subs.length - 1)) / 2} pairs: ` +
    `${ms.toFixed(0)} ms, ${report.pairs.length} pairs listed`,
);
