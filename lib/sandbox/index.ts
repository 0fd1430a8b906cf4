import "server-only";

// The engine's public surface. Everything that knows Docker lives in this folder.
export { pingDocker } from "./docker";
export { SandboxBusy, SandboxFault, SandboxUnavailable, ValidationError } from "./errors";
export { type ExecuteOptions, execute, resolveRuntime, versionMatches } from "./execute";
export { imageManifest } from "./images";
export { findLanguage, LANGUAGES, type Language } from "./languages";
export { INPUT_CAPS, type Limits, limitBounds, resolveLimits } from "./limits";
export { reapContainers, startReaper } from "./reaper";
export { decodeFiles, ExecuteRequest, type ExecuteRequestInput, fieldErrorsOf, parseExecuteRequest } from "./request";
export { pool, slots } from "./runtime-state";
export type { ExecutionEvent, ExecutionResult, RunStatus, StageResult } from "./types";
