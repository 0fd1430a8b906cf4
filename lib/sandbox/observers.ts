import { SandboxBusy, SandboxFault, SandboxUnavailable } from "./errors";
import type { RunStatus } from "./types";

/** How an engine call ended: a run's status, or why it never got one. */
export type ObservedStatus = RunStatus | "busy" | "unavailable" | "failed";

/** One program run, batch (a judging) or interactive session the engine finished or gave up on. */
export interface RunObservation {
  kind: "run" | "batch" | "interactive";
  /** The language's id in the engine's registry (never what the request spelled). */
  language: string;
  status: ObservedStatus;
  /** From the call to its end, queueing included. */
  durationMs: number;
  /** Waiting for a run slot (0 when one was free, or when it never got one). */
  queueMs: number;
  /** A fault around the program (status internal_error): what went wrong, and rbrun's own words. */
  fault?: { message: string; diagnostics?: string };
}

type Listener = (o: RunObservation) => void;

/**
 * What the engine tells whoever listens about the runs it carries out: plain events, so that
 * metrics, logs and the admin page live outside the engine (which imports no metrics library).
 * A listener that throws is ignored: observing a run never changes it.
 */
export class EngineObservers {
  private readonly listeners = new Set<Listener>();

  /** Hear every finished run; returns a function that stops listening. */
  onRun(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(o: RunObservation): void {
    for (const l of this.listeners) {
      try {
        l(o);
      } catch {
        // An observer's fault is not the run's.
      }
    }
  }

  /**
   * Run `fn` and report how it ended. `timings.queue` is where the slot wait is written (see
   * withSlot); `statusOf` reads the status of a result.
   */
  async watch<T>(
    kind: RunObservation["kind"],
    language: string,
    timings: Record<string, number>,
    statusOf: (result: T) => RunStatus,
    fn: () => Promise<T>,
  ): Promise<T> {
    const started = performance.now();
    const report = (status: ObservedStatus, fault?: RunObservation["fault"]) =>
      this.emit({
        kind,
        language,
        status,
        durationMs: performance.now() - started,
        queueMs: timings.queue ?? 0,
        ...(fault ? { fault } : {}),
      });
    try {
      const result = await fn();
      report(statusOf(result));
      return result;
    } catch (err) {
      if (err instanceof SandboxFault)
        report("internal_error", {
          message: err.message,
          ...(err.diagnostics ? { diagnostics: err.diagnostics } : {}),
        });
      else report(err instanceof SandboxBusy ? "busy" : err instanceof SandboxUnavailable ? "unavailable" : "failed");
      throw err;
    }
  }
}
