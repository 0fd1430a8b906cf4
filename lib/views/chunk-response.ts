import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { missingPart, type PreparedRun } from "./prepared-run";
import { PART_NAME } from "./run-parts";

/**
 * The answers of the chunk routes (a share's or one's own run's long texts, piece by piece or
 * whole as a download). Always JSON or text/plain with nosniff, never HTML: the texts are
 * attacker-authored.
 */
export const ChunkQuery = z.object({
  part: z
    .string({ error: "Say which text: part=compile, run, stdin or file-<n>." })
    .regex(PART_NAME, 'part must be "compile", "run", "stdin" or "file-<n>".'),
  offset: z
    .string()
    .regex(/^\d{1,9}$/, "offset must be a whole number.")
    .default("0")
    .transform(Number),
  download: z.literal("1", { error: 'download must be "1" when given.' }).optional(),
});
export type ChunkQuery = z.infer<typeof ChunkQuery>;

/** "immutable": a share (a snapshot: same ETag for ever, revalidated so a revoke counts). "private": one's own run. */
export type Caching = "immutable" | "private";

const CACHE_CONTROL: Record<Caching, string> = {
  // Revalidated every time (a 304 by ETag costs nothing): a revoked share must stop showing at once,
  // in shared caches too, so nothing may keep it without asking.
  immutable: "public, no-cache",
  private: "private, no-cache",
};

// next.config.ts adds the rest of the API headers (CSP default-src 'none', no framing) under /api.
function baseHeaders(caching: Caching): Record<string, string> {
  return { "Cache-Control": CACHE_CONTROL[caching], "X-Content-Type-Options": "nosniff" };
}

export function chunkError(status: number, code: string, message: string): Response {
  return Response.json(
    { error: { code, message } },
    { status, headers: { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } },
  );
}

/** Parse the query string; a 400 answer when it is wrong. */
export function parseChunkQuery(url: string): ChunkQuery | Response {
  const params = Object.fromEntries(new URL(url).searchParams);
  const parsed = ChunkQuery.safeParse(params);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return chunkError(400, "invalid_request", issue ? issue.message : "Invalid query.");
}

/** A strong validator: the hash of the exact bytes sent. */
const etagOf = (body: string) => `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;

function notModified(request: Request, etag: string): boolean {
  const header = request.headers.get("if-none-match");
  if (!header) return false;
  return header.split(",").some((t) => {
    const tag = t.trim();
    return tag === "*" || tag === etag || tag === `W/${etag}`;
  });
}

function respond(request: Request, body: string, headers: Record<string, string>): Response {
  const etag = etagOf(body);
  if (notModified(request, etag)) {
    const { "Content-Type": _, "Content-Disposition": __, ...rest } = headers;
    return new Response(null, { status: 304, headers: { ...rest, ETag: etag } });
  }
  return new Response(body, { status: 200, headers: { ...headers, ETag: etag } });
}

/** File name for a download: ASCII letters, digits, dot, dash and underscore only, always ending in .txt. */
export function downloadName(run: PreparedRun, part: string): string {
  const named = run.part(part)?.fileName;
  const base = named ? named.replace(/[^\w.-]/g, "_").slice(-100) : part === "stdin" ? "stdin" : `${part}-output`;
  return base.endsWith(".txt") ? base : `${base}.txt`;
}

/** One chunk as JSON, or (download=1) the whole part as a text file. */
export function chunkResponse(request: Request, run: PreparedRun, query: ChunkQuery, caching: Caching): Response {
  if (query.download) {
    const part = run.part(query.part);
    if (!part) return chunkError(404, "not_found", missingPart(query.part));
    return respond(request, part.text, {
      ...baseHeaders(caching),
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Disposition": `attachment; filename="${downloadName(run, query.part)}"`,
    });
  }
  const found = run.chunk(query.part, query.offset);
  if (!found.ok) return chunkError(found.status, found.code, found.message);
  return respond(request, JSON.stringify(found.chunk), {
    ...baseHeaders(caching),
    "Content-Type": "application/json; charset=utf-8",
  });
}
