import "server-only";

// The engine's public surface. Everything that knows Docker lives in this folder.
export { DockerBackend, type DockerEndpoint, type SandboxBackend } from "./docker";
export { Engine, type EngineConfig } from "./engine";
export { SandboxBusy, SandboxFault, SandboxUnavailable, ValidationError } from "./errors";
export type { BatchResult, ExecuteOptions } from "./execute";
export { type ImageManifest, readImageManifest } from "./images";
export type { InteractiveOptions, InteractiveRun } from "./interactive";
export { findLanguage, isCompiled, LANGUAGES, type Language } from "./languages";
export { INPUT_CAPS, LIMIT_MINIMA, type LimitBounds, type Limits, resolveLimits } from "./limits";
export { runStatus, stageStatus, stageSucceeded } from "./outcome";
export {
  decodeFiles,
  type ExecuteRequest,
  type ExecuteRequestInput,
  ExecuteRequestShape,
  fieldErrorsOf,
  parseExecuteRequest,
  type RequestRules,
} from "./request";
export type { ExecutionEvent, ExecutionResult, OutputFile, RunStatus, StageResult } from "./types";
export { RUN_STATUSES } from "./types";
export { versionMatches } from "./version";
