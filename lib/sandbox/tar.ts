import tar from "tar-stream";
import type { SourceFile } from "./languages";

/** uid/gid of the sandbox user baked into every image. */
export const SANDBOX_UID = 1000;

/**
 * An in-memory tar of the submission for Docker's archive API. Entries belong to the sandbox
 * user so the program may rewrite its own files; no host path is ever involved.
 */
export async function tarFiles(files: SourceFile[]): Promise<Buffer> {
  const pack = tar.pack();
  const mtime = new Date();
  const owner = { uid: SANDBOX_UID, gid: SANDBOX_UID, uname: "sandbox", gname: "sandbox", mtime };
  const dirs = new Set<string>();
  for (const file of files) {
    const parts = file.name.split("/");
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join("/");
      if (!dirs.has(dir)) {
        dirs.add(dir);
        pack.entry({ name: `${dir}/`, type: "directory", mode: 0o755, ...owner });
      }
    }
    pack.entry({ name: file.name, type: "file", mode: 0o644, ...owner }, file.content);
  }
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
