const n = Number(require("node:fs").readFileSync(0, "utf8").trim());

// TODO: print one line per number from 1 to n: Fizz, Buzz, FizzBuzz or the number.
console.log(n);
