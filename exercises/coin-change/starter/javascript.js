const data = require("node:fs").readFileSync(0, "utf8").trim().split(/\s+/).map(Number);
const [n, amount] = data;
const coins = data.slice(2, 2 + n);

function fewestCoins(coins, amount) {
  // TODO: fewest coins that make exactly amount (dynamic programming), or -1 if impossible.
  return 0;
}

console.log(fewestCoins(coins, amount));
