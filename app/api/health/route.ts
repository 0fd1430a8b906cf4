import type { Health } from "@/lib/api-schemas/health";
import { appEngine } from "@/lib/app-engine";
import { pingDb } from "@/lib/db/client";
import { databaseSizeBytes } from "@/lib/db/maintenance";
import { json } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

/** 200 when Docker and the database both answer; 503 naming what is wrong otherwise. */
export async function GET() {
  const engine = appEngine();
  const [dockerCheck, dbCheck, dbSize] = await Promise.allSettled([engine.ping(), pingDb(), databaseSizeBytes()]);
  const docker =
    dockerCheck.status === "fulfilled"
      ? ({ ok: true, version: dockerCheck.value.version } as const)
      : ({ ok: false, error: "The Docker engine is not reachable." } as const);
  const database =
    dbCheck.status === "fulfilled"
      ? ({ ok: true, ...(dbSize.status === "fulfilled" ? { sizeBytes: dbSize.value } : {}) } as const)
      : ({ ok: false, error: "The database cannot be read." } as const);
  const ok = docker.ok && database.ok;
  const { queue, pool, active, engines } = engine.stats();
  return json(
    {
      status: ok ? "ok" : "unavailable",
      instance: engine.config.instanceId,
      docker,
      database,
      languages: Object.keys(engine.images()).length,
      queue,
      running: active,
      pool,
      engines,
    } satisfies Health,
    ok ? 200 : 503,
  );
}
