const input = require("node:fs").readFileSync(0, "utf8");
const line = input.split("\n")[0];

// TODO: print the line backwards.
console.log(line);
