import pino from "pino";
import { currentRequestId } from "./request-context";

/**
 * The one logger: JSON lines on stdout, level from LOG_LEVEL (default "info"). A line written
 * while a request is served carries its id (`reqId`, the `x-request-id` the client got back),
 * whichever module writes it. Authorization headers and tokens are never written out.
 */
export const log = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { app: "runbox" },
  mixin: () => {
    const reqId = currentRequestId();
    return reqId ? { reqId } : {};
  },
  redact: {
    paths: ["authorization", "*.authorization", "headers.authorization", "*.headers.authorization", "token", "*.token"],
    censor: "[redacted]",
  },
});
