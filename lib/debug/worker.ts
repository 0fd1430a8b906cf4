/**
 * Entry of the analysis worker thread. scripts/build-debug-worker.mjs bundles it (analysis is
 * pure code) into one file that node:worker_threads loads the same way under `next start`,
 * vitest and a plain Node server; worker-pool.ts sends it one input at a time.
 */
import { parentPort } from "node:worker_threads";
import { analyze } from "./analyze";
import type { WorkerReply, WorkerRequest } from "./worker-pool";

parentPort?.on("message", (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id: request.id, report: analyze(request.input) };
  } catch (err) {
    reply = { id: request.id, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort?.postMessage(reply);
});
