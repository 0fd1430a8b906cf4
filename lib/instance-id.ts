import os from "node:os";
import { env } from "./env";

/**
 * This process's name among the instances sharing a database: RUNBOX_INSTANCE_ID, else the host and
 * port it serves (stable across restarts, so its own leftovers are recognised), else the host and
 * process id (tests and scripts, which serve no port).
 */
export function instanceId(): string {
  const port = process.env.PORT;
  return env().RUNBOX_INSTANCE_ID ?? (port ? `${os.hostname()}:${port}` : `${os.hostname()}:pid${process.pid}`);
}
