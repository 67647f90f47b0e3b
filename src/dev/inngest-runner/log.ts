// One line per run transition and step result, with run ID, function and step, e.g.
//   12:00:01.234 inngest-runner run 01J… radium-ping step "first" completed (attempt 1, 12ms)

import { env } from "../../env";

export type LogLevel = "debug" | "info" | "warn" | "error";
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LogFields {
  run?: string;
  fn?: string;
  step?: string;
  [key: string]: unknown;
}

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

const useColor = process.stdout.isTTY && !env.NO_COLOR;
const dim = (s: string) => (useColor ? `\x1b[2m${s}\x1b[0m` : s);
const colorFor: Record<LogLevel, string> = { debug: "\x1b[90m", info: "\x1b[36m", warn: "\x1b[33m", error: "\x1b[31m" };

/** Formats one log line; exported for tests. */
export function formatLine(level: LogLevel, msg: string, fields: LogFields = {}, now = new Date()): string {
  const { run, fn, step, ...rest } = fields;
  const time = now.toISOString().slice(11, 23);
  const parts = [dim(time), useColor ? `${colorFor[level]}inngest-runner\x1b[0m` : "inngest-runner"];
  if (level === "warn" || level === "error") parts.push(level.toUpperCase());
  if (run) parts.push(`run ${run}`);
  if (fn) parts.push(fn);
  if (step) parts.push(`step "${step}"`);
  parts.push(msg);
  const extra = Object.entries(rest)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`);
  if (extra.length) parts.push(dim(extra.join(" ")));
  return parts.join(" ");
}

/** A logger writing to stdout at `level` and above; "silent" writes nothing. */
export function createLogger(level: LogLevel | "silent" = "info", write: (line: string) => void = (l) => console.log(l)): Logger {
  const min = level === "silent" ? Infinity : ORDER[level];
  const at = (l: LogLevel) => (msg: string, fields?: LogFields) => {
    if (ORDER[l] >= min) write(formatLine(l, msg, fields));
  };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}
