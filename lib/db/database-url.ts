import path from "node:path";

/** The SQLite file URL: DATABASE_URL, or a file in the state folder (.runbox by default). */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  const stateDir = path.resolve(/* turbopackIgnore: true */ process.cwd(), env.RUNBOX_STATE_DIR ?? ".runbox");
  return `file:${path.join(stateDir, "runbox.db")}`;
}
