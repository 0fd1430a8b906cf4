import fs from "node:fs";
import { z } from "zod";
import { env, statePath } from "../env";
import { SandboxUnavailable } from "./errors";

/** Written by scripts/images.sh: which image and runtime version each language has. */
export const ImageManifest = z.record(z.string(), z.object({ image: z.string(), version: z.string() }));
export type ImageManifest = z.infer<typeof ImageManifest>;

let cache: { mtimeMs: number; manifest: ImageManifest } | undefined;

function manifestPath(): string {
  return env().RUNBOX_IMAGES_MANIFEST ?? statePath("images.json");
}

/** The manifest, re-read when the file changes (a rebuild needs no server restart). */
export function imageManifest(): ImageManifest {
  const file = manifestPath();
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return {};
  }
  if (cache && cache.mtimeMs === stat.mtimeMs) return cache.manifest;
  const parsed = ImageManifest.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
  cache = { mtimeMs: stat.mtimeMs, manifest: parsed.success ? parsed.data : {} };
  return cache.manifest;
}

/** Image and version of a language, or SandboxUnavailable when it was never built. */
export function imageFor(languageId: string): { image: string; version: string } {
  const entry = imageManifest()[languageId];
  if (!entry) {
    throw new SandboxUnavailable(
      `The ${languageId} sandbox image has not been built yet; run "npm start" to build it.`,
    );
  }
  return entry;
}
