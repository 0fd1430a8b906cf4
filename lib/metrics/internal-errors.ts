import type { RunObservation } from "../sandbox/observers";

/** A fault around a program (status internal_error) as the admin page lists it. */
export interface InternalError {
  /** Counts up from 1 in this process. */
  id: number;
  at: Date;
  kind: RunObservation["kind"];
  language: string;
  message: string;
  /** rbrun's own words (its stderr), the last 2000 characters. */
  diagnostics: string;
}

/** Faults kept: the newest, this instance's only (each instance keeps its own). */
const KEEP = 50;

const g = globalThis as typeof globalThis & { __runboxInternalErrors?: InternalError[]; __runboxErrorSeq?: number };

/** Remember a fault (the oldest falls off past KEEP). */
export function noteInternalError(o: RunObservation): void {
  g.__runboxInternalErrors ??= [];
  const ring = g.__runboxInternalErrors;
  g.__runboxErrorSeq = (g.__runboxErrorSeq ?? 0) + 1;
  ring.push({
    id: g.__runboxErrorSeq,
    at: new Date(),
    kind: o.kind,
    language: o.language,
    message: o.fault?.message ?? "The run ended with an internal error.",
    diagnostics: (o.fault?.diagnostics ?? "").slice(-2000),
  });
  if (ring.length > KEEP) ring.splice(0, ring.length - KEEP);
}

/** The remembered faults, newest first. */
export function recentInternalErrors(): InternalError[] {
  return [...(g.__runboxInternalErrors ?? [])].reverse();
}
