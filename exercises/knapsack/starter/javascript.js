const data = require("node:fs").readFileSync(0, "utf8").trim().split(/\s+/).map(Number);
const [n, capacity] = data;
const items = [];
for (let i = 0; i < n; i++) items.push({ weight: data[2 + 2 * i], value: data[3 + 2 * i] });

function bestValue(items, capacity) {
  // TODO: largest total value with total weight <= capacity, each item used at most once.
  return 0;
}

console.log(bestValue(items, capacity));
