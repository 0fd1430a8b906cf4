const [a, b] = require("node:fs").readFileSync(0, "utf8").trim().split(/\s+/).map(Number);

function gcdLcm(a, b) {
  // TODO: return [gcd, lcm] of a and b (the LCM can exceed 2^53: consider BigInt).
  return [0, 0];
}

console.log(gcdLcm(a, b).join(" "));
