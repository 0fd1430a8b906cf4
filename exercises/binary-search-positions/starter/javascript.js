const data = require("node:fs").readFileSync(0, "utf8").trim().split(/\s+/).map(Number);
const [n, q] = data;
const values = data.slice(2, 2 + n);
const queries = data.slice(2 + n, 2 + n + q);

function positions(values, x) {
  // TODO: binary-search the first and last position of x in values; [-1, -1] when it is absent.
  return [-1, -1];
}

const out = [];
for (const x of queries) {
  const [first, last] = positions(values, x);
  out.push(`${first} ${last}`);
}
console.log(out.join("\n"));
