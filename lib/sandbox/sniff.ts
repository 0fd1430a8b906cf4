/**
 * The type of a file a program wrote, from its bytes — never from its name, which the program
 * chose. Pages show only the image types as images (SVG as an <img>, where its scripts never
 * run) and offer everything else as a download.
 */

const starts = (b: Buffer, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);

/** Bytes of the start of a file looked at for text and SVG detection. */
const HEAD = 4096;

function isUtf8Text(b: Buffer): boolean {
  const head = b.subarray(0, HEAD);
  if (head.includes(0)) return false;
  // A cut in the middle of a multi-byte character at the end of the head is fine.
  const text = new TextDecoder("utf-8", { fatal: false }).decode(head);
  const replaced = text.split("\uFFFD").length - 1;
  return replaced <= (head.length === HEAD ? 1 : 0);
}

/** A MIME type for these bytes. */
export function sniffType(b: Buffer): string {
  if (starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (starts(b, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (starts(b, [0x47, 0x49, 0x46, 0x38]) && (b[4] === 0x37 || b[4] === 0x39) && b[5] === 0x61) return "image/gif";
  if (starts(b, [0x52, 0x49, 0x46, 0x46]) && starts(b, [0x57, 0x45, 0x42, 0x50], 8)) return "image/webp";
  if (starts(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf";
  if (starts(b, [0x50, 0x4b, 0x03, 0x04])) return "application/zip";
  if (!isUtf8Text(b)) return "application/octet-stream";
  const head = b.subarray(0, HEAD).toString("utf8");
  // An SVG document: optional BOM, XML declaration, comments and doctype, then <svg.
  const body = head
    .replace(/^\uFEFF/, "")
    .replace(/^\s*<\?xml[^>]{0,500}\?>/, "")
    .replace(/^(\s*<!--[\s\S]{0,2000}?-->)*/, "")
    .replace(/^\s*<!DOCTYPE[^>]{0,1000}>/i, "");
  if (/^\s*<svg[\s>]/i.test(body)) return "image/svg+xml";
  const lines = head.split("\n", 6).filter((l) => l.trim());
  const commas = lines.map((l) => l.split(",").length);
  if (lines.length >= 2 && (commas[0] ?? 1) > 1 && commas.every((n) => n === commas[0])) return "text/csv";
  return "text/plain";
}

/** Types shown inline as images (all through <img>, never as markup). */
export const IMAGE_TYPES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp", "image/svg+xml"]);
