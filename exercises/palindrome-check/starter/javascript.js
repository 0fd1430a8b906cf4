const input = require("node:fs").readFileSync(0, "utf8");
const line = input.split("\n")[0];

function isPalindrome(text) {
  // TODO: keep only the letters and digits of text, in lowercase.
  const cleaned = text;
  return cleaned === [...cleaned].reverse().join("");
}

console.log(isPalindrome(line) ? "YES" : "NO");
