const input = require("node:fs").readFileSync(0, "utf8");
const name = input.split("\n")[0].trim();
console.log(`Hello, ${name || "World"}!`);
