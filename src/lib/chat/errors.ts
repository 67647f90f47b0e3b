/**
 * Turns what useChat reports as an error into something a person can read.
 * HTTP failures of /api/chat carry an RFC 7807 problem body `{ title, status, detail, code, … }`
 * (the transport puts the body in `message`/`responseBody` and the status in `statusCode`);
 * failures during streaming arrive as the stream's readable error text.
 */

export interface ChatErrorView {
  title: string;
  message: string;
  code: string | null;
  status: number | null;
  /** Whether trying the same request again can help. */
  retryable: boolean;
}

function parseErrorBody(text: string | undefined): { code?: string; message?: string } | null {
  if (!text) return null;
  const trimmed = text.trim();
  if (!trimmed.startsWith("{")) return null;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    if (parsed && typeof parsed === "object" && ("detail" in parsed || "title" in parsed)) {
      const { code, detail, title } = parsed as { code?: unknown; detail?: unknown; title?: unknown };
      const message = typeof detail === "string" ? detail : typeof title === "string" ? title : undefined;
      return { code: typeof code === "string" ? code : undefined, message };
    }
  } catch {
    return null;
  }
  return null;
}

function titleFor(status: number | null, code: string | null): string {
  const type = code?.split(":")[0];
  if (status === 429 || type === "rate_limit") return "Daily message limit reached";
  if (status === 401 || type === "unauthorized") return "You are signed out";
  if (status === 403 || type === "forbidden") return "This chat is read-only";
  if (status === 404 || type === "not_found") return "Chat not found";
  if (status === 400 || type === "bad_request") return "The message could not be sent";
  return "Something went wrong";
}

export function describeChatError(error: unknown): ChatErrorView {
  const e = (error ?? {}) as { message?: unknown; statusCode?: unknown; responseBody?: unknown };
  const rawMessage = typeof e.message === "string" ? e.message : "";
  const status = typeof e.statusCode === "number" ? e.statusCode : null;
  const body = parseErrorBody(typeof e.responseBody === "string" ? e.responseBody : undefined) ?? parseErrorBody(rawMessage);
  const code = body?.code ?? null;

  let message = body?.message ?? rawMessage;
  if (!message || message.startsWith("{")) message = "The request failed. Please try again.";
  if (/failed to fetch|networkerror|load failed|network request failed/i.test(message)) {
    message = "Could not reach the server. Check your connection and try again.";
  }

  // Signed out, read-only and not-found cannot be fixed by retrying; everything else can.
  const retryable = !(status === 401 || status === 403 || status === 404 || status === 400);
  return { title: status || code ? titleFor(status, code) : "The answer could not be completed", message, code, status, retryable };
}
