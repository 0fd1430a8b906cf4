import pino from "pino";

/** The one logger: JSON lines on stdout, level from LOG_LEVEL (default "info"). */
export const log = pino({ level: process.env.LOG_LEVEL ?? "info", base: { app: "runbox" } });
