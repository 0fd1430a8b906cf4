import type Docker from "dockerode";

/** uid/gid of the sandbox user baked into every image. */
export const SANDBOX_UID = 1000;

/** Labels every Runbox container carries, so reapers can find leftovers and tell whose they are. */
export const LABEL = {
  app: "runbox",
  run: "runbox.run",
  deadline: "runbox.deadline",
  instance: "runbox.instance",
} as const;

export interface ContainerSpecInput {
  image: string;
  runId: string;
  /** The Runbox instance that owns the container (its reaper only touches its own). */
  instanceId: string;
  /** Epoch ms after which any reaper may remove the container. */
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
/** Files and folders each tmpfs may hold. */
const INODES = 4096;

/**
 * Under gVisor the pids cgroup also counts the sandbox kernel's own threads (measured: 64
 * fails for a small shell script, 128 works), so the limit gets this much headroom there.
 */
const GVISOR_THREAD_HEADROOM = 128;

/** The cgroup pids limit that gives a program `pids` processes under `runtime`. */
export function hostPidsLimit(pids: number, runtime: string): number {
  return runtime === "runsc" ? pids + GVISOR_THREAD_HEADROOM : pids;
}

/** Docker's own masked paths (it replaces them when a list is given, so they are repeated). */
const DOCKER_MASKED = [
  "/proc/asound",
  "/proc/acpi",
  "/proc/kcore",
  "/proc/keys",
  "/proc/latency_stats",
  "/proc/timer_list",
  "/proc/timer_stats",
  "/proc/sched_debug",
  "/proc/scsi",
  "/sys/firmware",
  "/sys/devices/virtual/powercap",
];

/**
 * Files that describe the host rather than the container (its boot command line, kernel
 * build, modules, disks, devices, firmware and VM identity) and that no language runtime
 * reads. Masked: a program sees them empty.
 */
export const HOST_REVEALING_PATHS = [
  "/proc/cmdline",
  "/proc/version",
  "/proc/kallsyms",
  "/proc/modules",
  "/proc/config.gz",
  "/proc/partitions",
  "/proc/diskstats",
  "/proc/interrupts",
  "/proc/softirqs",
  "/proc/iomem",
  "/proc/ioports",
  "/proc/vmallocinfo",
  "/proc/slabinfo",
  "/proc/buddyinfo",
  "/proc/pagetypeinfo",
  "/proc/zoneinfo",
  "/proc/swaps",
  "/proc/sys/kernel/random/boot_id",
  "/sys/module",
  "/sys/devices/virtual/dmi",
  "/sys/block",
  "/sys/bus",
  "/sys/hypervisor",
  "/sys/kernel/notes",
  "/sys/kernel/vmcoreinfo",
];

/**
 * The one place a sandbox container's configuration is built. Every field is hard-coded or
 * derived from validated limits; nothing from a request is copied in. See ARCHITECTURE.md,
 * "Every container".
 */
export function containerSpec(input: ContainerSpecInput): Docker.ContainerCreateOptions {
  const tmpBytes = input.tmpMb * MB;
  const tmpfs = `size=${tmpBytes},nr_inodes=${INODES},exec,nosuid,nodev`;
  return {
    Image: input.image,
    // rbrun is the container's init (not Docker's tini): it reaps orphans and is
    // non-dumpable, so programs cannot reach its stdout to forge results (see rbrun.c).
    Cmd: ["/opt/runbox/rbrun"],
    User: `${SANDBOX_UID}:${SANDBOX_UID}`,
    WorkingDir: "/box",
    // The server's own environment never reaches a sandbox; programs get theirs per stage.
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
      [LABEL.instance]: input.instanceId,
    },
    HostConfig: {
      NetworkMode: input.network ? "bridge" : "none",
      Privileged: false,
      CapDrop: ["ALL"],
      SecurityOpt: ["no-new-privileges"],
      ReadonlyRootfs: true,
      IpcMode: "private",
      // rbrun writes the program's files into /box itself (no archive request to dockerd), so
      // both work areas are plain tmpfs mounts, size- and inode-capped, gone with the container.
      Tmpfs: {
        "/tmp": `rw,${tmpfs},mode=1777`,
        "/box": `rw,${tmpfs},uid=${SANDBOX_UID},gid=${SANDBOX_UID},mode=0755`,
      },
      MaskedPaths: [...DOCKER_MASKED, ...HOST_REVEALING_PATHS],
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
