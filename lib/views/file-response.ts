import "server-only";
import { createHash } from "node:crypto";
import { FILE_CSP } from "../http/file-csp";
import { sniffType } from "../sandbox/sniff";
import type { OutputFile } from "../sandbox/types";
import { chunkError } from "./chunk-response";

/**
 * The answers of the file routes: one file a run wrote under /box/out. The program chose the
 * bytes and the name, so neither decides how a browser treats the answer: the type is sniffed
 * again from the bytes here and only an allow-listed type is ever sent (anything else is
 * application/octet-stream); only images are inline, everything else is an attachment; every
 * answer forbids sniffing and carries a CSP that runs nothing, sandboxed, so an SVG's script
 * never runs even when the file is opened on its own.
 */

/** Types sent as themselves, and whether a browser may show them in place (as an image). */
const SERVED: Record<string, { contentType: string; inline: boolean }> = {
  "image/png": { contentType: "image/png", inline: true },
  "image/jpeg": { contentType: "image/jpeg", inline: true },
  "image/gif": { contentType: "image/gif", inline: true },
  "image/webp": { contentType: "image/webp", inline: true },
  "image/svg+xml": { contentType: "image/svg+xml", inline: true },
  "text/csv": { contentType: "text/csv; charset=utf-8", inline: false },
  "text/plain": { contentType: "text/plain; charset=utf-8", inline: false },
  "application/pdf": { contentType: "application/pdf", inline: false },
  "application/zip": { contentType: "application/zip", inline: false },
};
const UNKNOWN = { contentType: "application/octet-stream", inline: false };

export { FILE_CSP };

/** "immutable": a share's file (a snapshot). "private": one's own run's file (never kept by any cache). */
export type FileCaching = "immutable" | "private";

const CACHE_CONTROL: Record<FileCaching, string> = {
  // Revalidated every time (a 304 by ETag costs nothing): a revoked share must stop showing at once,
  // in shared caches too, so nothing may keep it without asking.
  immutable: "public, no-cache",
  private: "private, no-store",
};

/** `<index>` of /files/<index>: a whole number, no sign, no leading zeros. */
const INDEX = /^(0|[1-9]\d{0,3})$/;

/** The file index from the URL and whether a download was asked for; a 400 answer when wrong. */
export function parseFileRequest(url: string, index: string): { index: number; download: boolean } | Response {
  if (!INDEX.test(index))
    return chunkError(400, "invalid_request", "The file number must be a whole number: 0 for the first file, 1, 2…");
  const params = new URL(url).searchParams;
  const download = params.get("download");
  if (download !== null && download !== "1")
    return chunkError(400, "invalid_request", 'download must be "1" when given.');
  return { index: Number(index), download: download === "1" };
}

/** RFC 6266 file name parameters: an ASCII fallback and the UTF-8 name (folders joined with "_"). */
export function dispositionNames(name: string): string {
  const flat = name.replaceAll("/", "_");
  const ascii = flat.replace(/[^\w.-]/g, "_").slice(-100) || "file";
  let utf8 = "";
  for (const byte of Buffer.from(flat, "utf8")) {
    const c = String.fromCharCode(byte);
    utf8 += /[A-Za-z0-9._~-]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return `filename="${ascii}"; filename*=UTF-8''${utf8}`;
}

/** One of `files` as a response: 404 when there is no such file. */
export function fileResponse(
  request: Request,
  files: readonly OutputFile[],
  query: { index: number; download: boolean },
  caching: FileCaching,
): Response {
  const file = files[query.index];
  if (!file)
    return chunkError(
      404,
      "not_found",
      files.length === 0
        ? "This run has no files."
        : `This run has ${files.length} file${files.length === 1 ? "" : "s"} (0 to ${files.length - 1}); there is no file ${query.index}.`,
    );
  const bytes = Buffer.from(file.content, "base64");
  const served = SERVED[sniffType(bytes)] ?? UNKNOWN;
  const inline = served.inline && !query.download;
  const headers: Record<string, string> = {
    "Content-Type": served.contentType,
    "Content-Disposition": `${inline ? "inline" : "attachment"}; ${dispositionNames(file.name)}`,
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": FILE_CSP,
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": CACHE_CONTROL[caching],
  };
  if (caching === "immutable") {
    // A share never changes: a strong validator lets a browser revalidate without the bytes.
    const etag = `"${createHash("sha256").update(bytes).digest("base64url").slice(0, 32)}"`;
    headers.ETag = etag;
    const match = request.headers.get("if-none-match");
    if (match?.split(",").some((t) => [etag, `W/${etag}`, "*"].includes(t.trim()))) {
      const { "Content-Type": _, "Content-Disposition": __, ...rest } = headers;
      return new Response(null, { status: 304, headers: rest });
    }
  }
  return new Response(new Uint8Array(bytes), { status: 200, headers });
}
