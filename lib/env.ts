import os from "node:os";
import path from "node:path";
import { z } from "zod";

const int = (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback);
const bool = (fallback: boolean) =>
  z
    .enum(["1", "0", "true", "false", "yes", "no", "on", "off", ""])
    .default(fallback ? "true" : "false")
    .transform((v) => ["1", "true", "yes", "on"].includes(v));

/** An empty variable (e.g. `RUNBOX_SECRET=` in a unit file) counts as unset. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

const cpus = Math.max(1, os.availableParallelism?.() ?? os.cpus().length);

/**
 * Every setting Runbox reads from its environment, validated once. The defaults work out
 * of the box on a single machine; the README's "Configuration" table mirrors this schema.
 */
export const Env = z.object({
  RUNBOX_STATE_DIR: z.string().default(".runbox"),
  RUNBOX_IMAGES_MANIFEST: z.string().optional(),
  /** Docker runtime for sandboxes, e.g. "runsc" for gVisor; empty means Docker's default (runc). */
  RUNBOX_RUNTIME: z.string().default(""),
  RUNBOX_ALLOW_NETWORK: bool(false),
  RUNBOX_MAX_CONCURRENCY: int(cpus, 1),
  RUNBOX_QUEUE_LIMIT: int(cpus * 16, 0),
  RUNBOX_QUEUE_TIMEOUT_MS: int(30_000, 100),

  RUNBOX_RUN_TIMEOUT_MS: int(5_000, 100),
  RUNBOX_MAX_RUN_TIMEOUT_MS: int(30_000, 100),
  RUNBOX_COMPILE_TIMEOUT_MS: int(20_000, 100),
  RUNBOX_MAX_COMPILE_TIMEOUT_MS: int(60_000, 100),
  RUNBOX_RUN_MEMORY_MB: int(256, 16),
  RUNBOX_MAX_RUN_MEMORY_MB: int(1024, 16),
  RUNBOX_COMPILE_MEMORY_MB: int(768, 64),
  RUNBOX_MAX_COMPILE_MEMORY_MB: int(2048, 64),
  RUNBOX_CPUS: z.coerce.number().positive().default(1),
  RUNBOX_MAX_CPUS: z.coerce.number().positive().default(cpus),
  RUNBOX_PIDS: int(64, 8),
  RUNBOX_MAX_PIDS: int(256, 8),
  RUNBOX_OUTPUT_KB: int(64, 1),
  RUNBOX_MAX_OUTPUT_KB: int(1024, 1),
  RUNBOX_TMP_MB: int(64, 1),
  /** Files a run may hand back from /box/out, and their total size. */
  // At most 1000: a file is fetched by its index, and the gallery lists every one.
  RUNBOX_OUTPUT_FILES: z.coerce.number().int().min(0).max(1000, "RUNBOX_OUTPUT_FILES may be at most 1000.").default(8),
  RUNBOX_OUTPUT_FILES_MB: z.coerce.number().min(0).max(64).default(4),
  RUNBOX_NOFILE: int(256, 16),
  /** Several Docker engines: comma-separated `<url>[=<capacity>]` (unix://, tcp://…?tls=<dir>, ssh://); see README. */
  RUNBOX_DOCKER_HOSTS: z.string().default(""),
  /** Names this instance on its containers; default: host and port (servers) or host and pid. */
  RUNBOX_INSTANCE_ID: z
    .string()
    .regex(/^[\w.:-]{1,100}$/, "RUNBOX_INSTANCE_ID may use letters, digits and . _ : - (at most 100).")
    .optional(),
  /** Warm containers per spec in demand; 0 turns the pool off. */
  RUNBOX_POOL_SIZE: int(1, 0),
  /** The most warm containers one busy spec may grow to. */
  RUNBOX_POOL_MAX_PER_SPEC: int(4, 1),
  /** The most distinct specs (language × limits) kept warm at once. */
  RUNBOX_POOL_MAX_SPECS: int(8, 1),
  /** Upper bound on the memory limits of all idle warm containers together. */
  RUNBOX_POOL_MEMORY_MB: int(2048, 0),
  RUNBOX_POOL_IDLE_MS: int(10 * 60_000, 1000),
  RUNBOX_POOL_MAX_AGE_MS: int(10 * 60_000, 1000),
  /** Languages kept warm from start-up (comma-separated ids). */
  RUNBOX_POOL_PREWARM: z.string().default("python"),
  /** Program runs per minute per client address, and per browser as well for UI runs. */
  RUNBOX_RATE_LIMIT_PER_MINUTE: int(120, 1),
  /** Time one error analysis may take (waiting for a worker included) before the plain report is sent. */
  RUNBOX_DEBUG_BUDGET_MS: int(2_000, 50),
  /** Worker threads that analyse run output off the request path. */
  RUNBOX_DEBUG_WORKERS: z.coerce.number().int().min(1).max(8).default(1),
  /** API runs (and ownerless API submissions) older than this many days are deleted; 0 keeps them. */
  RUNBOX_API_RUN_RETENTION_DAYS: z.coerce.number().min(0).default(7),
  /** Stored size of all API runs (and, apart, of API submissions); the oldest go first past it. 0: no cap. */
  RUNBOX_API_RUNS_MAX_MB: z.coerce.number().min(0).default(512),
  /** Per owner (browser): runs kept, oldest deleted first; 0: no cap. */
  RUNBOX_OWNER_MAX_RUNS: int(500, 0),
  /** Per owner: stored size of their runs, and apart of their submissions; 0: no cap. */
  RUNBOX_OWNER_MAX_MB: z.coerce.number().min(0).default(50),
  /** Per owner: exercise submissions kept (the newest accepted one per exercise always stays). */
  RUNBOX_OWNER_MAX_SUBMISSIONS: int(500, 0),
  /** How often the retention sweep runs (it also runs right after writes that pass a cap). */
  RUNBOX_STORAGE_SWEEP_MS: int(5 * 60_000, 1000),
  /** Graded submissions per minute per person (browser, and address) per exercise. */
  RUNBOX_SUBMISSIONS_PER_MINUTE: int(6, 1),
  /** Page views (HTML pages and server actions) per minute per client address. */
  RUNBOX_PAGE_RATE_LIMIT_PER_MINUTE: int(300, 1),
  /** Programs one client may have running at once; unset: half of RUNBOX_MAX_CONCURRENCY (at least 1). */
  RUNBOX_MAX_RUNS_PER_CLIENT: optional(z.coerce.number().int().min(1)),
  /** Proxies whose X-Forwarded-For is believed (comma-separated IPs or CIDRs); empty: none. */
  RUNBOX_TRUSTED_PROXIES: z.string().default(""),
  /** Key that signs owner cookies; unset: a random one kept in the state folder (file "secret"). */
  RUNBOX_SECRET: optional(z.string().min(32, "RUNBOX_SECRET must be at least 32 characters.")),
  /** Keys a Jobe API client must send in X-API-KEY (comma-separated, 16+ characters each); empty: none needed. */
  RUNBOX_JOBE_API_KEYS: z
    .string()
    .default("")
    .refine(
      (v) =>
        v
          .split(",")
          .map((k) => k.trim())
          .filter(Boolean)
          .every((k) => /^[\x21-\x7e]{16,200}$/.test(k)),
      "RUNBOX_JOBE_API_KEYS: each key needs 16 to 200 printable characters without spaces.",
    ),
  /** Jobe file cache: stored size (MB) past which the least recently used files are deleted; 0: no cap. */
  RUNBOX_JOBE_FILES_MAX_MB: z.coerce.number().min(0).default(256),
  /** Jobe file cache: a file neither uploaded nor used by a run for this many days expires. */
  RUNBOX_JOBE_FILES_MAX_AGE_DAYS: z.coerce.number().positive().default(7),
  /** Interactive runs (a terminal, the WebSocket APIs): stop after this long with no output and no input. */
  RUNBOX_INTERACTIVE_IDLE_MS: int(60_000, 1000),
  /** Interactive runs: the longest session, waiting for a person included. */
  RUNBOX_INTERACTIVE_SESSION_MS: int(10 * 60_000, 1000),
  /** Interactive runs: input a program may receive in all (the Input box's text included), in KiB. */
  RUNBOX_INTERACTIVE_INPUT_KB: int(1024, 1),
  /** Interactive runs: typed input per second per connection (bytes, burst of 4 s), and messages per second. */
  RUNBOX_INTERACTIVE_INPUT_BYTES_PER_SEC: int(64 * 1024, 1),
  RUNBOX_INTERACTIVE_INPUT_MESSAGES_PER_SEC: int(100, 1),
  /** Interactive sessions the server holds at once; unset: one less than RUNBOX_MAX_CONCURRENCY (at least 1). */
  RUNBOX_MAX_INTERACTIVE: optional(z.coerce.number().int().min(1)),
  /** Interactive sessions one client (address, and browser for the playground) holds at once. */
  RUNBOX_MAX_INTERACTIVE_PER_CLIENT: int(2, 1),
  /** Usernames (comma-separated) that are admins; the first account of an install is one too. */
  RUNBOX_ADMIN_USERS: z.string().default(""),
  /** Sign-in, sign-up and class-join attempts per minute per client address. */
  RUNBOX_SIGNIN_RATE_LIMIT_PER_MINUTE: int(30, 1),
  /** Whether the HTTP APIs (/api/v1, /api/v2, their sockets) answer calls without an API key. */
  RUNBOX_API_ANONYMOUS: bool(true),
  /** Runs per minute and per UTC day one API key may make, unless an admin set its own. */
  RUNBOX_KEY_RUNS_PER_MINUTE: int(60, 1),
  RUNBOX_KEY_RUNS_PER_DAY: int(10_000, 1),
  /** Bearer token for GET /metrics from anywhere (without it, only this machine may scrape). */
  RUNBOX_METRICS_TOKEN: optional(z.string().min(16, "RUNBOX_METRICS_TOKEN must be at least 16 characters.")),
  /** Bearer token of the admin API (exercises); unset turns the admin API off. */
  RUNBOX_ADMIN_TOKEN: z.string().min(16, "RUNBOX_ADMIN_TOKEN must be at least 16 characters.").optional(),
});
export type Env = z.infer<typeof Env>;

let cached: Env | undefined;

/** The validated configuration; throws one readable error naming every bad variable. */
export function env(): Env {
  if (cached) return cached;
  const parsed = Env.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid Runbox configuration: ${problems}`);
  }
  cached = parsed.data;
  return cached;
}

/** Programs one client may have running at once (see RUNBOX_MAX_RUNS_PER_CLIENT). */
export function maxRunsPerClient(): number {
  const e = env();
  return e.RUNBOX_MAX_RUNS_PER_CLIENT ?? Math.max(1, Math.floor(e.RUNBOX_MAX_CONCURRENCY / 2));
}

/** Interactive sessions the whole server may hold at once (see RUNBOX_MAX_INTERACTIVE). */
export function maxInteractive(): number {
  const e = env();
  return e.RUNBOX_MAX_INTERACTIVE ?? Math.max(1, e.RUNBOX_MAX_CONCURRENCY - 1);
}

/** The usernames RUNBOX_ADMIN_USERS names, lower-cased. */
export function adminUsernames(): Set<string> {
  return new Set(
    env()
      .RUNBOX_ADMIN_USERS.split(",")
      .map((u) => u.trim().toLowerCase())
      .filter(Boolean),
  );
}

/** Absolute path of a file in the state folder. */
export function statePath(...parts: string[]): string {
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), env().RUNBOX_STATE_DIR, ...parts);
}
