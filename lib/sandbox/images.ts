import fs from "node:fs";
import { z } from "zod";
import { LanguageDescriptor } from "./languages";

/** Written by scripts/images.sh: which image and runtime version each language has. */
export const ImageManifest = z.record(
  z.string(),
  z.object({
    image: z.string(),
    version: z.string(),
    /** For a language added by an image folder: its descriptor (images/<id>/language.json). */
    language: LanguageDescriptor.optional(),
  }),
);
export type ImageManifest = z.infer<typeof ImageManifest>;

const cache = new Map<string, { mtimeMs: number; manifest: ImageManifest }>();

/** The manifest at `file`, re-read when the file changes (a rebuild needs no server restart). */
export function readImageManifest(file: string): ImageManifest {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return {};
  }
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === stat.mtimeMs) return hit.manifest;
  let manifest: ImageManifest = {};
  try {
    const parsed = ImageManifest.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
    if (parsed.success) manifest = parsed.data;
  } catch {
    // Half-written by a build in progress: treat as empty until it is whole.
  }
  cache.set(file, { mtimeMs: stat.mtimeMs, manifest });
  return manifest;
}
