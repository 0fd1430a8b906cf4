const text = require("node:fs").readFileSync(0, "utf8");
const counts = new Map();
for (const match of text.matchAll(/[A-Za-z]+/g)) {
  const word = match[0].toLowerCase();
  counts.set(word, (counts.get(word) ?? 0) + 1);
}
const lines = [];
for (const [word, count] of counts) lines.push(`${word} ${count}`);
console.log(lines.join("\n"));
