import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env, statePath } from "../env";

let cached: string | undefined;

/**
 * The key that signs owner cookies: RUNBOX_SECRET, or else a random key made once and kept in
 * the state folder (`secret`, mode 0600). Instances behind one address must share RUNBOX_SECRET,
 * or each would treat the others' cookies as forged.
 */
export function serverSecret(): string {
  cached ??= env().RUNBOX_SECRET ?? readOrCreate(statePath("secret"));
  return cached;
}

function readOrCreate(file: string): string {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Written under a temporary name and linked into place: link fails if another process won
    // the race, and a reader never sees a half-written file.
    const tmp = `${file}.${process.pid}.${randomBytes(6).toString("hex")}`;
    fs.writeFileSync(tmp, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600 });
    try {
      fs.linkSync(tmp, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }
  const secret = fs.readFileSync(file, "utf8").trim();
  if (secret.length < 32)
    throw new Error(`${file} holds no usable key: delete it (a new one is made) or set RUNBOX_SECRET.`);
  return secret;
}
