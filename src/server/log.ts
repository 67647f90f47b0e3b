import "server-only";
import pino from "pino";
import { env } from "@/env";

/**
 * The server's one logger: JSON lines in production (one object per line, `requestId` on every
 * line of a request via `logger.child`), human-readable in development.
 */
export const logger = pino({
  level: env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "silent" : "info"),
  base: { service: "radium" },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  ...(env.NODE_ENV === "development"
    ? { transport: { target: "pino-pretty", options: { colorize: true, ignore: "pid,hostname,service" } } }
    : {}),
});

export type Logger = typeof logger;

/** A logger whose every line carries the request id. */
export function requestLogger(requestId: string): Logger {
  return logger.child({ requestId });
}
