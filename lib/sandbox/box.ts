import type { Duplex } from "node:stream";
import type { ContainerSpecInput } from "./container-spec";
import { containerSpec } from "./container-spec";
import type { SandboxBackend } from "./docker";
import { SandboxFault, SandboxUnavailable } from "./errors";
import {
  DockerDemuxer,
  encodeControl,
  encodeJob,
  type JobFile,
  type JobStageSpec,
  parseArtifact,
  parseOutputFile,
  parseStageReport,
  RUNNER_PROTOCOL,
  type RunnerControl,
  type RunnerFrame,
  RunnerFrameParser,
  type RunnerStageReport,
} from "./frames";
import { StageOutput } from "./output";
import type { StreamName } from "./types";

export interface StageRun {
  output: StageOutput;
  /** rbrun's account; absent when the stage never finished (killed, or never started). */
  report?: RunnerStageReport;
  started: boolean;
  /** Server-measured wall time, used when rbrun could not report. */
  wallMs: number;
  files: { name: string; content: Buffer }[];
  /** What the compiler made (only when the stage asked for its artifacts). */
  artifacts: JobFile[];
}

export interface JobResult {
  stages: StageRun[];
  /** The server's deadline expired and the container was killed. */
  deadlineExceeded: boolean;
  aborted: boolean;
  /** The container died on its own (e.g. the kernel OOM-killed the runner). */
  containerDied: boolean;
}

export interface JobCallbacks {
  signal?: AbortSignal;
  onStageStart?: (index: number) => void;
  onOutput?: (index: number, stream: StreamName, text: string) => void;
  /** The job is on its way to rbrun: control messages sent from now on reach its last stage. */
  onJobWritten?: () => void;
}

/** Extra time past the sum of stage timeouts before the server kills the container itself. */
const GRACE_MS = 1500;
/**
 * After the kill, how long to wait for the container's stream to end before giving up on it:
 * a Docker engine that stopped answering never ends it, and a run must never hang.
 */
const KILL_GRACE_MS = 5000;

/** Removals still in flight, so shutdown and tests can wait for every one. */
export class Removals {
  private readonly inFlight = new Set<Promise<void>>();
  /** Removals Docker refused or failed (counted for metrics; the reaper sweeps what is left). */
  failures = 0;
  track(p: Promise<void>): Promise<void> {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
    return p;
  }
  async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }
  get size(): number {
    return this.inFlight.size;
  }
}

/**
 * One sandbox container for one run: created with the hardened spec, attached before start,
 * fed one job after another, and always destroyed. rbrun (its PID 1) does the work inside.
 */
export class SandboxBox {
  private readonly demux = new DockerDemuxer();
  private readonly frames = new RunnerFrameParser();
  private onFrame?: (frame: RunnerFrame) => void;
  private onEnd?: () => void;
  private ended = false;
  private runnerStderr = "";
  private helloSeen = false;
  /** Why the server gave up on this container (its engine stopped answering), if it did. */
  private abandoned: string | undefined;
  private helloWaiters: (() => void)[] = [];
  private runnerVersion = "";

  private constructor(
    readonly id: string,
    private readonly stream: Duplex,
    private readonly backend: SandboxBackend,
    private readonly removals: Removals,
    readonly spec: ContainerSpecInput,
  ) {
    stream.on("data", (chunk: Buffer) => {
      for (const part of this.demux.push(chunk)) {
        if (part.stream === 2) {
          this.runnerStderr = (this.runnerStderr + part.data.toString("utf8")).slice(-2000);
          continue;
        }
        for (const frame of this.frames.push(part.data)) {
          if (frame.type === "h") {
            this.runnerVersion = frame.data.toString("utf8");
            this.helloSeen = true;
            for (const w of this.helloWaiters.splice(0)) w();
            continue;
          }
          this.onFrame?.(frame);
        }
      }
    });
    const end = () => {
      if (this.ended) return;
      this.ended = true;
      for (const w of this.helloWaiters.splice(0)) w();
      this.onEnd?.();
    };
    stream.on("end", end);
    stream.on("close", end);
    stream.on("error", end);
  }

  /** Create, attach and start a container with the hardened spec. */
  static async open(backend: SandboxBackend, removals: Removals, spec: ContainerSpecInput): Promise<SandboxBox> {
    const { id, stream } = await backend.open(containerSpec(spec));
    return new SandboxBox(id, stream, backend, removals, spec);
  }

  /** Lower memory and pids between jobs (compiling may need more than the run may use). */
  async narrow(memoryBytes: number, pids: number): Promise<void> {
    await this.backend.update(this.id, { memoryBytes, pids });
  }

  /** Resolves once rbrun said hello (or the container ended); checks it speaks our protocol. */
  private async ready(): Promise<void> {
    if (!this.helloSeen && !this.ended) await new Promise<void>((r) => this.helloWaiters.push(r));
    if (this.helloSeen && this.runnerVersion !== `rbrun ${RUNNER_PROTOCOL}`) {
      throw new SandboxUnavailable(
        `The sandbox image ${this.spec.image} has an older runner (${this.runnerVersion}); run "npm start" to rebuild the images.`,
      );
    }
  }

  /**
   * Run one job and collect its stages. The server owns the deadline: past the sum of the
   * stage timeouts (plus grace) it SIGKILLs the whole container, whatever rbrun is doing.
   */
  async runJob(job: { files: JobFile[]; stages: JobStageSpec[] }, opts: JobCallbacks): Promise<JobResult> {
    const runs: StageRun[] = job.stages.map((s) => ({
      output: new StageOutput(s.outputLimit),
      started: false,
      wallMs: 0,
      files: [],
      artifacts: [],
    }));
    const result: JobResult = { stages: runs, deadlineExceeded: false, aborted: false, containerDied: false };
    await this.ready();
    if (this.ended) {
      result.containerDied = true;
      return result;
    }
    let stageStart = Date.now();
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
      const budget = job.stages.reduce((n, s) => n + s.timeoutMs, 0) + GRACE_MS;
      const finish = (fault?: Error) => {
        clearTimeout(timer);
        clearTimeout(hardTimer);
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
        hardTimer = setTimeout(() => this.abandon("The sandbox did not answer after its time was up."), KILL_GRACE_MS);
      }, budget);
      let hardTimer: NodeJS.Timeout | undefined;
      const onAbort = () => {
        result.aborted = true;
        void this.kill();
      };
      opts.signal?.addEventListener("abort", onAbort, { once: true });
      if (opts.signal?.aborted) onAbort();

      this.onEnd = () => {
        if (this.abandoned) return finish(new SandboxFault(this.abandoned));
        if (!result.deadlineExceeded && !result.aborted) result.containerDied = true;
        finish();
      };
      this.onFrame = (frame) => {
        const run = runs[frame.stage];
        switch (frame.type) {
          case "b":
            begin(frame.stage);
            break;
          case "o":
          case "e": {
            begin(frame.stage);
            const stream: StreamName = frame.type === "o" ? "stdout" : "stderr";
            const text = run?.output.push(stream, frame.data);
            if (text) opts.onOutput?.(frame.stage, stream, text);
            break;
          }
          case "f": {
            const file = parseOutputFile(frame.data);
            if (file && run) run.files.push(file);
            break;
          }
          case "a": {
            const file = parseArtifact(frame.data);
            if (file && run) run.artifacts.push(file);
            break;
          }
          case "r":
            begin(frame.stage);
            if (run) {
              run.report = parseStageReport(frame.data.toString("utf8"));
              run.wallMs = run.report.wallMs;
            }
            break;
          case "d":
            finish();
            break;
          case "x":
            finish(
              new SandboxFault(`The sandbox runner failed: ${frame.data.toString("utf8")}`, {
                diagnostics: this.runnerStderr,
              }),
            );
            break;
          default:
            break;
        }
      };
      this.stream.write(encodeJob(job));
      opts.onJobWritten?.();
    });
  }

  /**
   * Give up on this container (its engine stopped answering): the job in flight fails at once
   * with `reason` instead of waiting for a stream that may never end. Removal is still tried.
   */
  abandon(reason: string): void {
    if (this.ended) return;
    this.abandoned = reason;
    this.stream.destroy();
  }

  /** Input, end of input, a signal or a terminal size for the running interactive stage. */
  control(message: RunnerControl): void {
    if (!this.ended) this.stream.write(encodeControl(message));
  }

  /** False once the container's stream has ended (it stopped or was removed). */
  get alive(): boolean {
    return !this.ended;
  }

  /** Whether Docker saw the kernel OOM-kill something in this container. */
  oomKilled(): Promise<boolean> {
    return this.backend.oomKilled(this.id);
  }

  /** Whether its Docker engine still answers (a container that vanished may have lost its engine). */
  engineAnswers(timeoutMs = 2000): Promise<boolean> {
    return this.backend.ping(timeoutMs).then(
      () => true,
      () => false,
    );
  }

  /** What rbrun wrote on stderr (only ever diagnostics), for logs. */
  get diagnostics(): string {
    return this.runnerStderr;
  }

  /** SIGKILL everything in the container at once. */
  kill(): Promise<void> {
    return this.backend.kill(this.id);
  }

  /**
   * Remove the container. Never throws (the reaper sweeps what fails). The removal comes
   * first: closing the stream first would let rbrun exit and leave a stopped container
   * behind if this process ended in between.
   */
  destroy(): Promise<void> {
    this.destroying ??= this.removals.track(
      this.backend
        .remove(this.id)
        .catch(() => {
          this.removals.failures++;
        })
        .finally(() => {
          this.stream.destroy();
        }),
    );
    return this.destroying;
  }
  private destroying?: Promise<void>;
}
