import * as readline from "readline";

function sumTo(n: number): number {
  let sum = 0;
  for (let i = 1; i <= n; i++) sum += i;
  return sum;
}

const rl = readline.createInterface({ input: process.stdin });
rl.once("line", (line: string) => {
  console.log(`Hello, ${line.trim()}!`);
  console.log(sumTo(100));
  rl.close();
});
