import { pingDb } from "@/lib/db/client";
import { json } from "@/lib/http/responses";
import { imageManifest, pingDocker, pool, slots } from "@/lib/sandbox";

export const dynamic = "force-dynamic";

/** 200 when Docker and the database both answer; 503 naming what is wrong otherwise. */
export async function GET() {
  const [dockerCheck, dbCheck] = await Promise.allSettled([pingDocker(), pingDb()]);
  const docker =
    dockerCheck.status === "fulfilled"
      ? { ok: true, version: dockerCheck.value.version }
      : { ok: false, error: "The Docker engine is not reachable." };
  const database = dbCheck.status === "fulfilled" ? { ok: true } : { ok: false, error: "The database cannot be read." };
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
