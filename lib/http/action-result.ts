import { NotFound } from "../errors";
import { log } from "../log";
import { SandboxBusy, SandboxUnavailable, ValidationError } from "../sandbox/errors";

/** What a server action answers: data, or an error a person can read (never a stack trace). */
export type ActionResult<T> =
  | ({ ok: true } & T)
  | { ok: false; error: { code: string; message: string; fieldErrors?: Record<string, string> } };

export function actionError(err: unknown): ActionResult<never> {
  if (err instanceof NotFound) return { ok: false, error: { code: err.code, message: err.message } };
  if (err instanceof ValidationError)
    return { ok: false, error: { code: err.code, message: err.message, fieldErrors: err.fieldErrors } };
  if (err instanceof SandboxBusy || err instanceof SandboxUnavailable)
    return { ok: false, error: { code: err.code, message: err.message } };
  log.error({ err }, "server action failed");
  return { ok: false, error: { code: "internal_error", message: "Something went wrong on the server. Try again." } };
}
