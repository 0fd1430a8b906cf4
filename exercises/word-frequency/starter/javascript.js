const text = require("node:fs").readFileSync(0, "utf8");

// TODO: split the text into words (runs of letters), lowercase them and count each one.
// Print one line "word count" per distinct word.
console.log(`${text.trim().split(/\s+/)[0].toLowerCase()} 1`);
