// One HTTP call from the runner to the app's serve handler, and what its reply means:
// 200 = function done, 206 = ops, 500/no-retry:false = retriable error, 400/no-retry:true = failed.
import { parseRetryAfter } from "./backoff";
import { describeFetchError, toSerializedError } from "./errors";
import { signedJson, verifySignature } from "./signing";
import type { InngestEvent, Memo, OutgoingOp, SerializedError } from "./types";

export interface CallRequest {
  url: string;
  /** "step" for discovery, or a hashed step id to run one planned step. */
  stepId: string;
  event: InngestEvent;
  events: InngestEvent[];
  steps: Record<string, Memo>;
  stack: string[];
  runId: string;
  attempt: number;
  maxAttempts: number;
  disableImmediateExecution: boolean;
  timeoutMs: number;
}

export type CallOutcome =
  | { kind: "complete"; output: unknown }
  | { kind: "ops"; ops: OutgoingOp[]; retryAfterMs: number | null; noRetry: boolean | null }
  | { kind: "error"; retriable: boolean; retryAfterMs: number | null; error: SerializedError; status: number };

/** The Call request body. `ctx.fn_id` is never sent: it would switch the SDK to checkpointing mode. */
export function callBody(r: CallRequest): Record<string, unknown> {
  return {
    event: r.event,
    events: r.events,
    steps: r.steps,
    ctx: {
      run_id: r.runId,
      attempt: r.attempt,
      max_attempts: r.maxAttempts,
      disable_immediate_execution: r.disableImmediateExecution,
      use_api: false,
      stack: { stack: r.stack, current: Math.max(0, r.stack.length - 1) },
    },
    version: 2,
  };
}

function withStepId(url: string, stepId: string): string {
  const u = new URL(url);
  u.searchParams.set("stepId", stepId);
  return u.toString();
}

function parseJson(text: string): unknown {
  if (!text.trim()) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** In signed mode, why a reply cannot be trusted (null when it can). */
export type ReplyCheck = (status: number, headers: Headers, text: string) => string | null;

/** Interprets a reply (exported for unit tests). */
export function interpretReply(status: number, headers: Headers, text: string, now: number, check?: ReplyCheck): CallOutcome {
  const noRetryHeader = headers.get("x-inngest-no-retry");
  const retryAfterMs = parseRetryAfter(headers.get("retry-after"), now);
  const body = parseJson(text);
  // INNGEST_STREAMING: 201 with whitespace heartbeats, then {status, headers, body: "<string>"}.
  if (status === 201 && body && typeof body === "object" && "status" in body && "body" in body) {
    const inner = body as { status: number; headers?: Record<string, string>; body: string };
    return interpretReply(inner.status, new Headers(inner.headers ?? {}), String(inner.body ?? ""), now, check);
  }
  const distrust = check?.(status, headers, text);
  if (distrust) {
    return { kind: "error", retriable: true, retryAfterMs: null, error: { name: "Error", message: distrust }, status };
  }
  if (status === 200) return { kind: "complete", output: body ?? null };
  if (status === 206) {
    const ops = (Array.isArray(body) ? body : body && typeof body === "object" ? [body] : []) as OutgoingOp[];
    return { kind: "ops", ops, retryAfterMs, noRetry: noRetryHeader === null ? null : noRetryHeader === "true" };
  }
  const retriable = noRetryHeader !== "true";
  return {
    kind: "error",
    retriable,
    retryAfterMs,
    error: toSerializedError(body, `HTTP ${status} from the app`),
    status,
  };
}

/**
 * The SDK signs every reply to a request whose signature it accepted; an unsigned reply means it
 * refused ours (401) or is not in cloud mode with our key. Either way its word is not taken.
 */
export function signedReplyCheck(signingKey: string, now: () => number): ReplyCheck {
  return (status, headers, text) => {
    if (status === 401) {
      return "The app refused the runner's signature (401): give the app and the runner the same signing key";
    }
    const v = verifySignature(signingKey, headers.get("x-inngest-signature"), text, now());
    if (v.ok) return null;
    return v.reason === "no X-Inngest-Signature"
      ? `The app's reply (HTTP ${status}) is not signed: run the app in cloud mode (INNGEST_DEV unset or 0) with the runner's signing key`
      : `The app's reply (HTTP ${status}) failed verification: ${v.reason}`;
  };
}

/** Headers and body of a request to the app: signed when a signing key is given. */
export function requestInit(value: unknown, signingKey: string | null, now: number): { headers: Record<string, string>; body: string } {
  if (!signingKey) {
    return { headers: { "content-type": "application/json", "x-inngest-server-kind": "dev" }, body: JSON.stringify(value) };
  }
  const signed = signedJson(signingKey, value, now);
  return {
    headers: { "content-type": "application/json", "x-inngest-server-kind": "cloud", "x-inngest-signature": signed.signature },
    body: signed.body,
  };
}

export async function callFunction(r: CallRequest, now: () => number, signingKey: string | null = null): Promise<CallOutcome> {
  let res: Response;
  let text: string;
  try {
    const init = requestInit(callBody(r), signingKey, now());
    res = await fetch(withStepId(r.url, r.stepId), {
      method: "POST",
      headers: { ...init.headers, "x-run-id": r.runId, "x-inngest-step-id": r.stepId },
      body: init.body,
      signal: AbortSignal.timeout(r.timeoutMs),
    });
    text = await res.text();
  } catch (err) {
    const detail = describeFetchError(err);
    return {
      kind: "error",
      retriable: true,
      retryAfterMs: null,
      error: { name: "Error", message: `Could not reach the app at ${r.url}: ${detail}` },
      status: 0,
    };
  }
  return interpretReply(res.status, res.headers, text, now(), signingKey ? signedReplyCheck(signingKey, now) : undefined);
}
