import os from "node:os";

/**
 * Whether the instance `id` was a process on this machine that no longer exists. Processes
 * without a port (tests, scripts) are named "<host>:pid<N>" (or "<host>:pid<N>-<name>"): when process N is gone, so is the
 * instance, and its containers are leftovers. Anything else: unknown here (not gone).
 */
export function localInstanceGone(id: string): boolean {
  const m = /^(.*):pid(\d+)(?:-[\w-]+)?$/.exec(id);
  if (!m || m[1] !== os.hostname()) return false;
  const pid = Number(m[2]);
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "ESRCH";
  }
}
