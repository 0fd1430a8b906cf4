import { z } from "zod";

/** A Docker engine's warm pool (GET /api/health, the admin page). */
export const PoolStats = z.object({
  enabled: z.boolean(),
  warm: z.number().int().meta({ description: "Idle warm containers" }),
  warmByImage: z.record(z.string(), z.number().int()),
  specs: z.number().int().meta({ description: "Container specs kept warm" }),
  idleMemoryMb: z.number(),
  memoryBudgetMb: z.number(),
  hits: z.number().int(),
  misses: z.number().int(),
  created: z.number().int(),
  retired: z.number().int(),
  failed: z.number().int(),
});

/** GET /api/health: 200 when Docker and the database answer, 503 naming what does not. */
export const Health = z
  .object({
    status: z.enum(["ok", "unavailable"]),
    instance: z.string(),
    docker: z.union([
      z.object({ ok: z.literal(true), version: z.string() }),
      z.object({ ok: z.literal(false), error: z.string() }),
    ]),
    database: z.union([
      z.object({ ok: z.literal(true), sizeBytes: z.number().optional() }),
      z.object({ ok: z.literal(false), error: z.string() }),
    ]),
    languages: z.number().int().meta({ description: "Languages whose image is built" }),
    queue: z.object({
      active: z.number().int(),
      queued: z.number().int(),
      capacity: z.number().int(),
      queueLimit: z.number().int(),
    }),
    running: z.number().int(),
    pool: PoolStats,
    engines: z.array(
      z.object({
        id: z.string(),
        state: z.enum(["up", "down"]),
        version: z.string().optional(),
        capacity: z.number().int(),
        load: z.number().int(),
        runs: z.number().int().meta({ description: "Runs placed on this engine since this instance started" }),
        error: z.string().optional(),
        pool: PoolStats,
        createFailures: z.number().int(),
        reaperFailures: z.number().int(),
      }),
    ),
  })
  .meta({ description: "Also at 503, with status unavailable and the failing part's error" });
export type Health = z.infer<typeof Health>;
