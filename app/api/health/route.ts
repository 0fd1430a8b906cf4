import { pingDb } from "@/lib/db/client";
import { databaseSizeBytes } from "@/lib/db/maintenance";
import { json } from "@/lib/http/responses";
import { imageManifest, pingDocker, pool, slots } from "@/lib/sandbox";

export const dynamic = "force-dynamic";

/** 200 when Docker and the database both answer; 503 naming what is wrong otherwise. */
export async function GET() {
  const [dockerCheck, dbCheck, dbSize] = await Promise.allSettled([pingDocker(), pingDb(), databaseSizeBytes()]);
  const docker =
    dockerCheck.status === "fulfilled"
      ? { ok: true, version: dockerCheck.value.version }
      : { ok: false, error: "The Docker engine is not reachable." };
  const database =
    dbCheck.status === "fulfilled"
      ? { ok: true, ...(dbSize.status === "fulfilled" ? { sizeBytes: dbSize.value } : {}) }
      : { ok: false, error: "The database cannot be read." };
  const ok = docker.ok && database.ok;
  return json(
    {
      status: ok ? "ok" : "unavailable",
      docker,
      database,
      languages: Object.keys(imageManifest()).length,
      queue: slots().stats,
      pool: pool().stats(),
    },
    ok ? 200 : 503,
  );
}
