import "server-only";
/**
 * The Inngest SDK answers errors with the error serialized whole: `{name, message, stack}` in a
 * 500/400 body, in StepError/StepFailed ops, and for its own failures (an unknown fnId, a body it
 * cannot parse), stack and file paths included. An unsigned caller (dev mode, or a request that
 * failed verification) must not see those. What the protocol needs stays: status, headers, ops,
 * and the error's name and message (the user's own words), with paths masked and stacks emptied.
 *
 * A signed response is left alone: the caller proved it holds the signing key, the Inngest
 * dashboard shows the stack, and changing the body would break the response signature.
 */

const FILE_PATH = /(?<![\w:/.])(?:file:\/\/)?(?:\/[\w.@+-]+){2,}\/?|\bnode_modules(?:[/\\][\w.@+-]+)+/g;
const STACK_FRAME = /\n\s+at .*/g;

/** Masks file paths (and stack frames written into a message) in text meant for a caller. */
export function maskPaths(text: string): string {
  return text.replace(STACK_FRAME, "").replace(FILE_PATH, "[path]");
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isErrorShaped(v: Record<string, unknown>): boolean {
  return typeof v.message === "string" && ("stack" in v || v.__serialized === true || typeof v.name === "string");
}

/** A copy of an SDK reply body with every serialized error's stack emptied and paths masked. */
export function scrubErrors(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scrubErrors);
  if (!isRecord(value)) return value;
  const errorShaped = isErrorShaped(value);
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (errorShaped && key === "stack" && typeof v === "string") out[key] = "";
    else if (typeof v === "string" && (key === "error" || (errorShaped && key === "message"))) out[key] = maskPaths(v);
    else out[key] = scrubErrors(v);
  }
  return out;
}

const SIGNATURE_HEADER = "x-inngest-signature";

/**
 * The SDK's response, made safe for an unsigned caller. 200 bodies are function results (the
 * app's own data) and pass unchanged; 206 op lists and error statuses are scrubbed.
 */
export async function sanitizeInngestResponse(res: Response): Promise<Response> {
  if (res.headers.has(SIGNATURE_HEADER) || res.status === 200 || !res.body) return res;
  const text = await res.text();
  let body: string;
  try {
    body = JSON.stringify(scrubErrors(JSON.parse(text)));
  } catch {
    body = maskPaths(text);
  }
  const headers = new Headers(res.headers);
  headers.delete("content-length");
  return new Response(body, { status: res.status, statusText: res.statusText, headers });
}
