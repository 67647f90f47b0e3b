// Shapes shared across the runner: what the SDK registers and returns, and what the store holds.
import type { RunFlow } from "./flow/keys";

/** An event as sent to `POST /e/:key` and as handed to functions. */
export interface InngestEvent {
  id: string;
  name: string;
  data: Record<string, unknown>;
  ts: number;
  user?: Record<string, unknown>;
  v?: string;
  [key: string]: unknown;
}

export interface EventTrigger {
  event: string;
  expression?: string;
}
export interface CronTrigger {
  cron: string;
  jitter?: string;
}
export type Trigger = EventTrigger | CronTrigger;

export interface CancelConfig {
  event: string;
  if?: string;
  timeout?: string;
}

/** One entry of `functions[]` in the SDK's `POST /fn/register` body. */
export interface FunctionConfig {
  id: string;
  name: string;
  triggers: Trigger[];
  steps: Record<string, { id: string; name: string; runtime: { type?: string; url: string }; retries?: { attempts?: number } }>;
  cancel?: CancelConfig[];
  [key: string]: unknown;
}

export interface RegisteredFunction {
  id: string;
  appUrl: string;
  name: string;
  config: FunctionConfig;
}

export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  [key: string]: unknown;
}

/** A step's memoized value, as the SDK reads it back from `steps`. */
export type Memo = { data: unknown } | { error: SerializedError } | InngestEvent | null;

/** A run ends completed, failed, cancelled, or skipped (by rateLimit, idempotency or singleton, before it started). */
export const TERMINAL_STATUSES = ["completed", "failed", "cancelled", "skipped"] as const;
export type TerminalStatus = (typeof TERMINAL_STATUSES)[number];
export type RunStatus = "queued" | "running" | "sleeping" | "waiting" | TerminalStatus;

export interface RunRow {
  id: string;
  function_id: string;
  event_id: string | null;
  event: InngestEvent;
  events: InngestEvent[];
  status: RunStatus;
  steps: Record<string, Memo>;
  stack: string[];
  die: boolean;
  max_attempts: number;
  output: unknown;
  error: SerializedError | null;
  parent_run_id: string | null;
  parent_step_id: string | null;
  queued_at: number;
  started_at: number | null;
  ended_at: number | null;
  /** Which flow-control rule is delaying, skipped or cancelled the run ("waiting for concurrency key …"). */
  reason: string | null;
  /** Queue order among waiting runs: queued_at minus the priority factor. */
  rank: number;
  /** Flow-control values evaluated at creation (concurrency slots, throttle key, timeouts). */
  flow: RunFlow | null;
  singleton_key: string | null;
  debounce_key: string | null;
}

export type StepStatus =
  | "queued"
  | "running"
  | "retrying"
  | "completed"
  | "failed"
  | "sleeping"
  | "waiting"
  | "invoking"
  | "cancelled";

export interface StepRow {
  run_id: string;
  step_id: string;
  seq: number;
  name: string;
  op: string;
  status: StepStatus;
  attempts: number;
  started_at: number | null;
  ended_at: number | null;
  output: unknown;
  error: SerializedError | null;
  detail: Record<string, unknown> | null;
  history: AttemptRecord[];
}

export interface AttemptRecord {
  attempt: number;
  started_at: number;
  ended_at: number;
  error?: SerializedError;
}

export type JobKind = "discover" | "step" | "sleep" | "wait-timeout" | "invoke-timeout" | "gateway" | "cron" | "timeout";

export interface JobRow {
  id: string;
  kind: JobKind;
  run_id: string;
  step_id: string;
  attempt: number;
  run_at: number;
  locked_at: number | null;
  dirty: boolean;
  data: Record<string, unknown> | null;
  /** Set while a call job waits for a concurrency slot of this key. */
  blocked_on: string | null;
}

/** An op in a 206 reply (see the StepOpCode enum in the SDK). */
export interface OutgoingOp {
  id: string;
  op: string;
  name?: string;
  displayName?: string;
  data?: unknown;
  error?: unknown;
  opts?: Record<string, unknown>;
  userland?: { id?: string; index?: number };
  timing?: unknown;
}

export function isTerminal(status: string): boolean {
  return (TERMINAL_STATUSES as readonly string[]).includes(status);
}
