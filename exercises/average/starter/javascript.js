const data = require("node:fs").readFileSync(0, "utf8").trim().split(/\s+/).map(Number);
const n = data[0];
const numbers = data.slice(1, n + 1);

function average(numbers) {
  const sum = 0;
  // TODO: add up the numbers first.
  return sum / numbers.length;
}

console.log(average(numbers).toFixed(6));
