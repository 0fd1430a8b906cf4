const data = require("node:fs").readFileSync(0, "utf8").trim().split(/\s+/).map(Number);
const n = data[0];
const numbers = data.slice(1, n + 1);

// TODO: find the largest number (careful: they may all be negative).
console.log(numbers[0]);
