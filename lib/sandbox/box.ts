import type { Duplex } from "node:stream";
import type Docker from "dockerode";
import { log } from "../log";
import { type ContainerSpecInput, containerSpec, hostPidsLimit } from "./container-spec";
import { docker, statusOf, unavailableIfUnreachable } from "./docker";
import { SandboxFault, SandboxUnavailable } from "./errors";
import {
  DockerDemuxer,
  encodeJob,
  parseStageReport,
  type RunnerFrame,
  RunnerFrameParser,
  type RunnerStageReport,
} from "./frames";
import type { SourceFile } from "./languages";
import { StageOutput } from "./output";
import { tarFiles } from "./tar";
import type { StreamName } from "./types";

export interface JobStage {
  argv: string[];
  timeoutMs: number;
  stdin: string;
  /** Stop the job here when this stage fails (a compile stage). */
  required: boolean;
}

export interface StageRun {
  output: StageOutput;
  /** rbrun's account; absent when the stage never finished (killed, or never started). */
  report?: RunnerStageReport;
  started: boolean;
  /** Server-measured wall time, used when rbrun could not report. */
  wallMs: number;
}

export interface JobResult {
  stages: StageRun[];
  /** The server's deadline expired and the container was killed. */
  deadlineExceeded: boolean;
  aborted: boolean;
  /** The container died on its own (e.g. the kernel OOM-killed the runner). */
  containerDied: boolean;
}

/** Extra time past the sum of stage timeouts before the server kills the container itself. */
const GRACE_MS = 1500;

/**
 * One sandbox container for one run: created with the hardened spec, attached before start,
 * fed files and jobs, and always destroyed. rbrun (its PID 1) does the work inside.
 */
export class SandboxBox {
  private readonly demux = new DockerDemuxer();
  private readonly frames = new RunnerFrameParser();
  private onFrame?: (frame: RunnerFrame) => void;
  private onEnd?: () => void;
  private ended = false;
  private runnerStderr = "";

  private constructor(
    readonly container: Docker.Container,
    private readonly stream: Duplex,
  ) {
    stream.on("data", (chunk: Buffer) => {
      for (const part of this.demux.push(chunk)) {
        if (part.stream === 2) {
          this.runnerStderr = (this.runnerStderr + part.data.toString("utf8")).slice(-2000);
          continue;
        }
        for (const frame of this.frames.push(part.data)) this.onFrame?.(frame);
      }
    });
    const end = () => {
      if (this.ended) return;
      this.ended = true;
      this.onEnd?.();
    };
    stream.on("end", end);
    stream.on("close", end);
    stream.on("error", end);
  }

  /** Create, attach and start a container; removes it again if any step fails. */
  static async open(spec: ContainerSpecInput): Promise<SandboxBox> {
    let container: Docker.Container;
    try {
      container = await docker().createContainer(containerSpec(spec));
    } catch (err) {
      if (statusOf(err) === 404) {
        throw new SandboxUnavailable(`The sandbox image ${spec.image} is missing; run "npm start" to build it.`, {
          cause: err,
        });
      }
      throw unavailableIfUnreachable(err);
    }
    try {
      const stream = (await container.attach({
        stream: true,
        stdin: true,
        stdout: true,
        stderr: true,
        hijack: true,
      })) as unknown as Duplex;
      const box = new SandboxBox(container, stream);
      await container.start();
      return box;
    } catch (err) {
      await removeContainer(container);
      throw unavailableIfUnreachable(err);
    }
  }

  /** Copy the files into /box through the archive API (a tar built in memory). */
  async putFiles(files: SourceFile[]): Promise<void> {
    const archive = await tarFiles(files);
    try {
      await this.container.putArchive(archive, { path: "/box" });
    } catch (err) {
      throw unavailableIfUnreachable(err);
    }
  }

  /** Lower memory and pids between jobs (compiling may need more than the run may use). */
  async narrow(memoryMb: number, pids: number, runtime: string): Promise<void> {
    const bytes = memoryMb * 1024 * 1024;
    await this.container.update({ Memory: bytes, MemorySwap: bytes, PidsLimit: hostPidsLimit(pids, runtime) });
  }

  /**
   * Run one job and collect its stages. The server owns the deadline: past the sum of the
   * stage timeouts (plus grace) it SIGKILLs the whole container, whatever rbrun is doing.
   */
  runJob(
    env: string[],
    stages: JobStage[],
    opts: {
      outputLimitBytes: number;
      signal?: AbortSignal;
      onStageStart?: (index: number) => void;
      onOutput?: (index: number, stream: StreamName, text: string) => void;
    },
  ): Promise<JobResult> {
    const runs: StageRun[] = stages.map(() => ({
      output: new StageOutput(opts.outputLimitBytes),
      started: false,
      wallMs: 0,
    }));
    const result: JobResult = { stages: runs, deadlineExceeded: false, aborted: false, containerDied: false };
    if (this.ended) {
      result.containerDied = true;
      return Promise.resolve(result);
    }
    const started = Date.now();
    let stageStart = started;
    let current = -1;
    const begin = (index: number) => {
      while (current < index) {
        current++;
        stageStart = Date.now();
        const run = runs[current];
        if (run) run.started = true;
        opts.onStageStart?.(current);
      }
    };

    return new Promise<JobResult>((resolve, reject) => {
      const budget = stages.reduce((n, s) => n + s.timeoutMs, 0) + GRACE_MS;
      const finish = (fault?: Error) => {
        clearTimeout(timer);
        opts.signal?.removeEventListener("abort", onAbort);
        this.onFrame = undefined;
        this.onEnd = undefined;
        for (const run of runs) run.output.finish();
        const open = current >= 0 ? runs[current] : undefined;
        if (open && !open.report) open.wallMs = Date.now() - stageStart;
        if (fault) reject(fault);
        else resolve(result);
      };
      const timer = setTimeout(() => {
        result.deadlineExceeded = true;
        void this.kill();
      }, budget);
      const onAbort = () => {
        result.aborted = true;
        void this.kill();
      };
      opts.signal?.addEventListener("abort", onAbort, { once: true });
      if (opts.signal?.aborted) onAbort();

      this.onEnd = () => {
        if (!result.deadlineExceeded && !result.aborted) result.containerDied = true;
        finish();
      };
      this.onFrame = (frame) => {
        switch (frame.type) {
          case "o":
          case "e": {
            begin(frame.stage);
            const stream: StreamName = frame.type === "o" ? "stdout" : "stderr";
            const text = runs[frame.stage]?.output.push(stream, frame.data);
            if (text) opts.onOutput?.(frame.stage, stream, text);
            break;
          }
          case "r": {
            begin(frame.stage);
            const run = runs[frame.stage];
            if (run) {
              run.report = parseStageReport(frame.data.toString("utf8"));
              run.wallMs = run.report.wallMs;
            }
            // The next stage starts as soon as this one ends (unless this was the last).
            if (frame.stage + 1 < stages.length && !(stages[frame.stage]?.required && !succeeded(run?.report)))
              begin(frame.stage + 1);
            break;
          }
          case "d":
            finish();
            break;
          case "x":
            finish(new SandboxFault(`The sandbox runner failed: ${frame.data.toString("utf8")}`));
            break;
          default:
            break;
        }
      };
      begin(0);
      this.stream.write(encodeJob({ env, stages: stages.map((s) => ({ ...s, outputLimit: opts.outputLimitBytes })) }));
    });
  }

  /** False once the container's stream has ended (it stopped or was removed). */
  get alive(): boolean {
    return !this.ended;
  }

  /** Whether Docker saw the kernel OOM-kill something in this container. */
  async oomKilled(): Promise<boolean> {
    try {
      const info = await this.container.inspect();
      return Boolean(info.State?.OOMKilled);
    } catch {
      return false;
    }
  }

  /** What rbrun wrote on stderr (only ever diagnostics), for logs. */
  get diagnostics(): string {
    return this.runnerStderr;
  }

  /** SIGKILL everything in the container at once. */
  async kill(): Promise<void> {
    try {
      await this.container.kill({ signal: "SIGKILL" });
    } catch {
      // Already stopped: nothing left to kill.
    }
  }

  /**
   * Remove the container and its work-dir volume. Never throws. The removal comes first:
   * closing the stream first would let rbrun exit and leave a stopped container behind if
   * this process ended in between.
   */
  destroy(): Promise<void> {
    this.destroying ??= track(
      removeContainer(this.container).finally(() => {
        this.stream.destroy();
      }),
    );
    return this.destroying;
  }
  private destroying?: Promise<void>;
}

function succeeded(report?: RunnerStageReport): boolean {
  return Boolean(report && report.exit === 0 && report.signal === 0 && !report.timedOut && !report.truncated);
}

const inFlight = new Set<Promise<void>>();

function track(p: Promise<void>): Promise<void> {
  inFlight.add(p);
  void p.finally(() => inFlight.delete(p));
  return p;
}

/** Wait for every container removal started so far (shutdown, tests). */
export async function settleRemovals(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}

/** Force-remove (SIGKILL + delete, with anonymous volumes); 404/409 mean it is already going. */
export async function removeContainer(container: Docker.Container): Promise<void> {
  try {
    await container.remove({ force: true, v: true });
  } catch (err) {
    const status = statusOf(err);
    // A run's answer must not fail because cleanup did: the reaper sweeps leftovers.
    if (status !== 404 && status !== 409) log.warn({ err, id: container.id }, "could not remove sandbox container");
  }
}
