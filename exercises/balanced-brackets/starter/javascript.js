const lines = require("node:fs").readFileSync(0, "utf8").trim().split(/\s+/);
const t = Number(lines[0]);
const answers = [];
for (const s of lines.slice(1, t + 1)) {
  // TODO: decide whether s is balanced (hint: use a stack).
  answers.push(s.length > 0 ? "YES" : "NO");
}
console.log(answers.join("\n"));
