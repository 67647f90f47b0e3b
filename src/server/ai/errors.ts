/**
 * Provider failures as sentences a person can act on. Used as the `onError` of the chat's UI
 * message stream, so a bad key, a rate limit or a dropped connection shows up in the chat as a
 * readable error (with retry) instead of a blank or silently truncated answer.
 */
import { APICallError, RetryError } from "ai";

const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_CONNECT_TIMEOUT"]);

function causes(error: unknown): unknown[] {
  const out: unknown[] = [];
  let e: unknown = error;
  for (let i = 0; i < 6 && e; i++) {
    out.push(e);
    e = e && typeof e === "object" && "cause" in e ? (e as { cause?: unknown }).cause : undefined;
  }
  return out;
}

function isNetworkError(error: unknown): boolean {
  return causes(error).some((e) => {
    if (!e || typeof e !== "object") return false;
    const code = (e as { code?: unknown }).code;
    const message = e instanceof Error ? e.message : "";
    return (
      (typeof code === "string" && NETWORK_CODES.has(code)) ||
      /fetch failed|terminated|socket hang up|other side closed|network|ECONNRESET|ECONNREFUSED|premature close/i.test(message)
    );
  });
}

function providerMessage(error: APICallError): string | null {
  const data = error.data as { error?: { message?: unknown } } | undefined;
  const fromData = typeof data?.error?.message === "string" ? data.error.message : null;
  let fromBody: string | null = null;
  if (!fromData && error.responseBody) {
    try {
      const parsed = JSON.parse(error.responseBody) as { error?: { message?: unknown } | string; message?: unknown };
      const m = typeof parsed.error === "string" ? parsed.error : (parsed.error?.message ?? parsed.message);
      fromBody = typeof m === "string" ? m : null;
    } catch {
      fromBody = null;
    }
  }
  const message = (fromData ?? fromBody ?? "").trim();
  if (!message) return null;
  return message.length > 240 ? `${message.slice(0, 240)}…` : message;
}

function sentence(text: string) {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

export function describeProviderError(error: unknown): string {
  const e = RetryError.isInstance(error) ? error.lastError : error;
  if (e instanceof Error && e.name === "AbortError") return "The answer was stopped before it finished.";
  if (APICallError.isInstance(e)) {
    const status = e.statusCode;
    const detail = providerMessage(e);
    const tail = detail ? ` The provider said: ${sentence(detail)}` : "";
    // A failure while reading a successful (200) response is a connection dropped mid-stream.
    if ((status === undefined || status < 300) && isNetworkError(e)) {
      return status === undefined
        ? "Could not reach the model provider. Check the network or OPENAI_BASE_URL, then retry."
        : "The connection to the model provider dropped before the answer finished. Retry to get a complete answer.";
    }
    if (status === 401 || status === 403) {
      return `The model provider rejected the API key (HTTP ${status}). Check OPENAI_API_KEY, then retry.${tail}`;
    }
    if (status === 429) return `The model provider is rate-limiting requests (HTTP 429). Wait a moment, then retry.${tail}`;
    if (status === 404) return `The model provider does not know this model (HTTP 404). Pick another model, or check OPENAI_MODELS.${tail}`;
    if (status !== undefined && status >= 500) return `The model provider had an internal error (HTTP ${status}). Retry in a moment.${tail}`;
    if (status !== undefined && status >= 400) return `The model provider rejected the request (HTTP ${status}).${tail}`;
  }
  if (isNetworkError(e)) return "The connection to the model provider dropped before the answer finished. Retry to get a complete answer.";
  const message = e instanceof Error ? e.message : typeof e === "string" ? e : "";
  if (!message) return "The model could not answer. Retry in a moment.";
  return `The model could not answer: ${sentence(message.length > 240 ? `${message.slice(0, 240)}…` : message)} Retry in a moment.`;
}

/** The sentence for a stream that ended without the provider's completion signal. */
export const INTERRUPTED_MESSAGE = "The model provider's stream ended before the answer was complete. Retry to get a complete answer.";
