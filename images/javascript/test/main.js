const readline = require("readline");

const rl = readline.createInterface({ input: process.stdin });
rl.once("line", (line) => {
  let sum = 0;
  for (let i = 1; i <= 100; i++) sum += i;
  console.log(`Hello, ${line.trim()}!`);
  console.log(sum);
  rl.close();
});
