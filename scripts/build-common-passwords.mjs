// Rebuilds lib/auth/common-passwords.json (committed; run by hand, never at start-up):
// the passwords of at least 10 characters (shorter ones are refused by length anyway) from the
// "passwords" list of the npm package @zxcvbn-ts/language-common (MIT, a frequency-ordered
// list of leaked passwords), lower-cased and de-duplicated.
//   node scripts/build-common-passwords.mjs
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const PACKAGE = "@zxcvbn-ts/language-common@4.1.3";
const MIN_LENGTH = 10;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "runbox-pw-"));
try {
  const tgz = execFileSync("npm", ["pack", PACKAGE, "--silent"], { cwd: tmp, encoding: "utf8" }).trim();
  execFileSync("tar", ["xzf", tgz], { cwd: tmp });
  const all = JSON.parse(fs.readFileSync(path.join(tmp, "package/src/passwords.json"), "utf8"));
  const kept = [...new Set(all.map((p) => p.toLowerCase()).filter((p) => p.length >= MIN_LENGTH))];
  const out = path.resolve(import.meta.dirname, "../lib/auth/common-passwords.json");
  fs.writeFileSync(out, `${JSON.stringify(kept, null, 2)}\n`);
  console.log(`${kept.length} of ${all.length} passwords (>= ${MIN_LENGTH} characters) → ${out}`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
