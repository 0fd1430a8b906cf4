const input = require("node:fs").readFileSync(0, "utf8");
const line = input.split("\n")[0];

function countVowels(text) {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    // TODO: add 1 to count when text[i] is a vowel (a, e, i, o, u, in either case).
  }
  return count;
}

console.log(countVowels(line));
