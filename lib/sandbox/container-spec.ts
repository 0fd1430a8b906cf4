import type Docker from "dockerode";
import { SANDBOX_UID } from "./tar";

/** Labels every Runbox container carries, so the reaper can find leftovers. */
export const LABEL = { app: "runbox", run: "runbox.run", deadline: "runbox.deadline" } as const;

export interface ContainerSpecInput {
  image: string;
  runId: string;
  /** Epoch ms after which the reaper may remove the container. */
  deadline: number;
  memoryMb: number;
  cpus: number;
  pids: number;
  tmpMb: number;
  nofile: number;
  network: boolean;
  /** Docker runtime name ("" for the default), e.g. "runsc". */
  runtime: string;
}

const MB = 1024 * 1024;

/**
 * Under gVisor the pids cgroup also counts the sandbox kernel's own threads (measured: 64
 * fails for a small shell script, 128 works), so the limit gets this much headroom there.
 */
const GVISOR_THREAD_HEADROOM = 128;

/** The cgroup pids limit that gives a program `pids` processes under `runtime`. */
export function hostPidsLimit(pids: number, runtime: string): number {
  return runtime === "runsc" ? pids + GVISOR_THREAD_HEADROOM : pids;
}

/**
 * The one place a sandbox container's configuration is built. Every field is hard-coded or
 * derived from validated limits; nothing from a request is copied in. See ARCHITECTURE.md,
 * "Every container".
 */
export function containerSpec(input: ContainerSpecInput): Docker.ContainerCreateOptions {
  const tmpBytes = input.tmpMb * MB;
  const inodes = 4096;
  return {
    Image: input.image,
    // rbrun is the container's init (not Docker's tini): it reaps orphans and is
    // non-dumpable, so programs cannot reach its stdout to forge results (see rbrun.c).
    Cmd: ["/opt/runbox/rbrun"],
    User: `${SANDBOX_UID}:${SANDBOX_UID}`,
    WorkingDir: "/box",
    // The server's own environment never reaches a sandbox; programs get theirs per job.
    Env: ["PATH=/usr/local/bin:/usr/bin:/bin", "HOME=/tmp", "LANG=C.UTF-8"],
    AttachStdin: true,
    AttachStdout: true,
    AttachStderr: true,
    OpenStdin: true,
    StdinOnce: true,
    Tty: false,
    NetworkDisabled: !input.network,
    StopSignal: "SIGKILL",
    Labels: {
      [LABEL.app]: "1",
      [LABEL.run]: input.runId,
      [LABEL.deadline]: String(input.deadline),
    },
    HostConfig: {
      NetworkMode: input.network ? "bridge" : "none",
      Privileged: false,
      CapDrop: ["ALL"],
      SecurityOpt: ["no-new-privileges"],
      ReadonlyRootfs: true,
      IpcMode: "private",
      Tmpfs: { "/tmp": `rw,exec,nosuid,nodev,size=${tmpBytes},nr_inodes=${inodes},mode=1777` },
      // The work dir is a size-capped tmpfs *volume*: Docker's archive API may write into a
      // volume of a read-only container, but not into a plain tmpfs mount.
      Mounts: [
        {
          Type: "volume",
          // No source: an anonymous volume, removed with its container.
          Source: "",
          Target: "/box",
          VolumeOptions: {
            // NoCopy: start empty rather than copying the image's /box into the volume.
            NoCopy: true,
            Labels: { [LABEL.app]: "1", [LABEL.run]: input.runId },
            DriverConfig: {
              Name: "local",
              Options: {
                type: "tmpfs",
                device: "tmpfs",
                o: `size=${tmpBytes},nr_inodes=${inodes},uid=${SANDBOX_UID},gid=${SANDBOX_UID},mode=0700,exec,nosuid,nodev`,
              },
            },
          },
        },
      ],
      ShmSize: 16 * MB,
      PidsLimit: hostPidsLimit(input.pids, input.runtime),
      Memory: input.memoryMb * MB,
      // Equal to Memory: no swap, so the memory limit is a real limit.
      MemorySwap: input.memoryMb * MB,
      NanoCpus: Math.round(input.cpus * 1e9),
      Ulimits: [
        { Name: "nofile", Soft: input.nofile, Hard: input.nofile },
        { Name: "fsize", Soft: tmpBytes, Hard: tmpBytes },
        { Name: "core", Soft: 0, Hard: 0 },
      ],
      LogConfig: { Type: "none", Config: {} },
      Init: false,
      AutoRemove: false,
      ...(input.runtime ? { Runtime: input.runtime } : {}),
    },
  };
}
