const [a, b] = require("node:fs").readFileSync(0, "utf8").trim().split(/\s+/);

function lcsLength(a, b) {
  // TODO: length of the longest common subsequence of a and b (dynamic programming).
  return 0;
}

console.log(lcsLength(a, b));
