const MOD = 1_000_000_007;
const n = Number(require("node:fs").readFileSync(0, "utf8").trim());
let a = 0; // F(i)
let b = 1; // F(i + 1)
for (let i = 0; i < n; i++) {
  const next = (a + b) % MOD; // stays below 2^31, exact in a JavaScript number
  a = b;
  b = next;
}
console.log(a);
