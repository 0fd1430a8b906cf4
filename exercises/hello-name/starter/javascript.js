const input = require("node:fs").readFileSync(0, "utf8");
const line = input.split("\n")[0];

function greet(name) {
  // TODO: strip the spaces around the name, and use World when it is empty.
  return "Hello!";
}

console.log(greet(line));
