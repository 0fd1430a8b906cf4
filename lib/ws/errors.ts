import { BodyError } from "../http/responses";
import { log } from "../log";
import { SandboxBusy, SandboxUnavailable, ValidationError } from "../sandbox/errors";

/** A failure as one sentence for a socket's `error` message: the client's mistakes and busy/unavailable verbatim, faults never. */
export function errorMessage(err: unknown): string {
  if (err instanceof ValidationError || err instanceof BodyError) return err.message;
  if (err instanceof SandboxBusy || err instanceof SandboxUnavailable) return err.message;
  log.error({ err }, "interactive run failed");
  return "Something went wrong on the server.";
}

/** The native API's error code for a failure (as its HTTP answers would name it). */
export function errorCode(err: unknown): string {
  if (err instanceof ValidationError) return err.code;
  if (err instanceof SandboxBusy || err instanceof SandboxUnavailable) return err.code;
  return "internal_error";
}
