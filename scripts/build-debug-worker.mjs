#!/usr/bin/env node
/**
 * Bundles lib/debug/worker.ts (error analysis: pure code) into one ES module,
 * .next/runbox/debug-worker.mjs, that node:worker_threads loads by path under `next start`,
 * vitest and a plain Node server alike (no bundler can mistake a path read at run time).
 * Runs after `next build` (which empties .next), before `next dev`, and in the integration
 * tests' set-up; it takes a fraction of a second. Written to a temporary file and renamed, so
 * a running server never starts a worker from a half-written file.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, ".next", "runbox", "debug-worker.mjs");
const tmp = `${out}.${process.pid}.tmp`;

await build({
  entryPoints: [path.join(root, "lib", "debug", "worker.ts")],
  outfile: tmp,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  legalComments: "none",
  logLevel: "warning",
});
fs.renameSync(tmp, out);
