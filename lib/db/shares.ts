import "server-only";
import { customAlphabet } from "nanoid";
import { z } from "zod";
import type { DebugReport } from "../debug/types";
import { decodeBlob, encodeBlob } from "./blob";
import { db } from "./client";
import { isKey } from "./keys";
import type { RunRecord } from "./runs";
import { packStage, type StoredStage, unpackStage } from "./stage-codec";

/** 22 characters from a 64-letter alphabet: 132 bits, well past the 96 bits we promise. */
const newSlug = customAlphabet("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_", 22);

const Stage = z
  .object({
    stdout: z.string(),
    stderr: z.string(),
    output: z.string(),
    exitCode: z.number().nullable(),
    signal: z.string().nullable(),
    timedOut: z.boolean(),
    outOfMemory: z.boolean(),
    outputTruncated: z.boolean(),
    wallTimeMs: z.number(),
    cpuTimeMs: z.number().nullable(),
    memoryBytes: z.number().nullable(),
    /** Which clock stopped it (an interactive run's idle or session limit reads differently). */
    timeoutKind: z.enum(["wall", "cpu", "idle"]).optional(),
    /** Why the engine stopped the stage, when the fields above do not say it (e.g. files left out). */
    message: z.string().optional(),
    /** Files the program wrote under /box/out, frozen with the rest (optional: older snapshots have none). */
    files: z.array(z.object({ name: z.string(), size: z.number(), type: z.string(), content: z.string() })).optional(),
    filesDropped: z.number().optional(),
  })
  .nullable();

/** What a share freezes, versioned: readers parse it, and an unknown version is not shown. */
export const ShareSnapshot = z.object({
  v: z.literal(1),
  language: z.string(),
  version: z.string(),
  files: z.array(z.object({ name: z.string().optional(), content: z.string(), encoding: z.string().optional() })),
  stdin: z.string(),
  args: z.array(z.string()),
  status: z.string(),
  limits: z.record(z.string(), z.number()),
  compile: Stage,
  run: Stage,
  /** The DebugReport at the time of sharing (optional: older snapshots have none). */
  debug: z
    .custom<DebugReport>((v) => typeof v === "object")
    .nullable()
    .optional(),
  /** An interactive run's limits and input; its run output is the transcript (optional: older snapshots have none). */
  terminal: z
    .object({
      tty: z.boolean(),
      idleMs: z.number(),
      sessionMs: z.number(),
      inputCapBytes: z.number(),
      inputBytes: z.number(),
      inputEnded: z.boolean(),
    })
    .nullable()
    .optional(),
  createdAt: z.string(),
});
export type ShareSnapshot = z.infer<typeof ShareSnapshot>;

/** A snapshot as stored in Share.data: its stages packed (lib/db/stage-codec.ts). */
type StoredSnapshot = Omit<ShareSnapshot, "compile" | "run"> & { compile: StoredStage | null; run: StoredStage | null };

async function unpackSnapshot(data: Uint8Array): Promise<unknown> {
  const stored = (await decodeBlob(data)) as StoredSnapshot;
  return {
    ...stored,
    compile: stored.compile ? unpackStage(stored.compile) : null,
    run: stored.run ? unpackStage(stored.run) : null,
  };
}

export interface ShareRecord {
  slug: string;
  runId: string;
  createdAt: Date;
  snapshot: ShareSnapshot;
}

/** Freeze a finished run under a new random slug. */
export async function createShare(run: RunRecord, ownerId: string): Promise<string> {
  const snapshot: ShareSnapshot = {
    v: 1,
    language: run.language,
    version: run.version,
    files: run.files,
    stdin: run.stdin,
    args: run.args,
    status: run.status,
    limits: run.limits,
    compile: run.compile,
    run: run.run,
    debug: run.debug,
    ...(run.terminal ? { terminal: run.terminal } : {}),
    createdAt: run.createdAt.toISOString(),
  };
  const slug = newSlug();
  const client = await db();
  // The same snapshot, each stage's output kept once and the whole compressed when large; the
  // JSON column stays empty (it holds the snapshot of shares made before migration 0005).
  const stored: StoredSnapshot = {
    ...snapshot,
    compile: run.compile ? packStage(run.compile) : null,
    run: run.run ? packStage(run.run) : null,
  };
  const data = await encodeBlob(stored);
  await client.share.create({ data: { slug, runId: run.id, ownerId, snapshot: "", data } });
  return slug;
}

export const isSlug = (slug: string): boolean => /^[\w-]{1,64}$/.test(slug);

/** A live (not revoked) share, or null. */
export async function getShare(slug: string): Promise<ShareRecord | null> {
  if (!isSlug(slug)) return null;
  const client = await db();
  const row = await client.share.findUnique({ where: { slug } });
  if (!row || row.revokedAt) return null;
  const parsed = ShareSnapshot.safeParse(row.data ? await unpackSnapshot(row.data) : JSON.parse(row.snapshot));
  if (!parsed.success) return null;
  return { slug: row.slug, runId: row.runId, createdAt: row.createdAt, snapshot: parsed.data };
}

/** Whether a share exists and is not revoked: one indexed read of one column (the snapshot may be MiBs). */
export async function isShareLive(slug: string): Promise<boolean> {
  if (!isSlug(slug)) return false;
  const client = await db();
  const row = await client.share.findUnique({ where: { slug }, select: { revokedAt: true } });
  return row !== null && row.revokedAt === null;
}

/** The owner's live shares of one run. */
export async function sharesOfRun(runId: string, ownerId: string): Promise<{ slug: string; createdAt: Date }[]> {
  if (!isKey(runId)) return [];
  const client = await db();
  return client.share.findMany({
    where: { runId, ownerId, revokedAt: null },
    select: { slug: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
}

/** Revoke a share; false when it is not the owner's or already revoked. */
export async function revokeShare(slug: string, ownerId: string): Promise<boolean> {
  if (!isKey(slug)) return false;
  const client = await db();
  const { count } = await client.share.updateMany({
    where: { slug, ownerId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count > 0;
}
