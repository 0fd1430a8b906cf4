/**
 * Files a run wrote under /box/out, as pages and the live playground see them: names, sizes and
 * types only. Their bytes (base64, up to MiBs) stay in the stored run and are served one by one
 * from the file routes, never put into a page, an event or a React prop.
 */
import { IMAGE_TYPES } from "./sandbox/sniff";
import type { StageResult } from "./sandbox/types";

export interface OutputFileInfo {
  /** Position in the run's list: the file routes' `/files/<index>`. */
  index: number;
  name: string;
  size: number;
  /** Sniffed from the bytes when the run ended. */
  type: string;
  /** Shown in the gallery (always through <img>, never as markup). */
  image: boolean;
}

/** The stage with its files' contents emptied (names, sizes and types stay). */
export function withoutFileContents<T extends StageResult | null | undefined>(stage: T): T {
  if (!stage?.files) return stage;
  return { ...stage, files: stage.files.map((f) => ({ ...f, content: "" })) };
}

/** What the gallery lists for a run stage: its files (without contents) and how many were left out. */
export function outputFilesOf(stage: StageResult | null | undefined): { files: OutputFileInfo[]; dropped: number } {
  const files = (stage?.files ?? []).map((f, index) => ({
    index,
    name: f.name,
    size: f.size,
    type: f.type,
    image: IMAGE_TYPES.has(f.type),
  }));
  return { files, dropped: stage?.filesDropped ?? 0 };
}

const TYPE_WORDS: Record<string, string> = {
  "image/png": "PNG image",
  "image/jpeg": "JPEG image",
  "image/gif": "GIF image",
  "image/webp": "WebP image",
  "image/svg+xml": "SVG image",
  "application/pdf": "PDF document",
  "application/zip": "ZIP archive",
  "text/csv": "CSV table",
  "text/plain": "text",
};

/** "PNG image": a type as a person reads it. */
export const describeType = (type: string): string => TYPE_WORDS[type] ?? "binary file";
