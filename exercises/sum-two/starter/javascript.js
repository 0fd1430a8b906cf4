const [a, b] = require("node:fs").readFileSync(0, "utf8").trim().split(/\s+/).map(Number);

// TODO: print the sum of a and b.
console.log(a, b);
