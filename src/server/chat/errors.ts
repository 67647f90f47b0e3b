import "server-only";
import { problem } from "@/server/http/problem";

/**
 * Typed errors of the chat API: `<type>:<surface>` codes mapped to an HTTP status and a
 * readable sentence. Route handlers answer them as RFC 7807 problem details whose `detail` is the
 * sentence and whose `code` extension is the typed code.
 */
export type ChatErrorType =
  | "bad_request"
  | "empty"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "too_large"
  | "unsupported_type"
  | "rate_limit";
export type ChatErrorSurface = "api" | "auth" | "chat" | "message" | "model" | "document" | "suggestion" | "vote" | "attachment";

const STATUS: Record<ChatErrorType, number> = {
  bad_request: 400,
  empty: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_type: 415,
  rate_limit: 429,
};

const TITLE: Record<ChatErrorType, string> = {
  bad_request: "Bad Request",
  empty: "Bad Request",
  unauthorized: "Unauthorized",
  forbidden: "Forbidden",
  not_found: "Not Found",
  conflict: "Conflict",
  too_large: "Content Too Large",
  unsupported_type: "Unsupported Media Type",
  rate_limit: "Too Many Requests",
};

const DEFAULT_MESSAGE: Record<ChatErrorType, string> = {
  bad_request: "The request is not valid.",
  empty: "The request is empty.",
  unauthorized: "Sign in to continue.",
  forbidden: "This chat is read-only for you.",
  not_found: "Chat not found.",
  conflict: "The request conflicts with the chat's current state.",
  too_large: "The request is too large.",
  unsupported_type: "This type of content is not accepted.",
  rate_limit: "Too many messages. Try again later.",
};

export class ChatError extends Error {
  readonly type: ChatErrorType;
  readonly surface: ChatErrorSurface;
  readonly headers: Record<string, string>;

  constructor(type: ChatErrorType, surface: ChatErrorSurface, message?: string, headers: Record<string, string> = {}) {
    super(message ?? DEFAULT_MESSAGE[type]);
    this.name = "ChatError";
    this.type = type;
    this.surface = surface;
    this.headers = headers;
  }

  get code(): `${ChatErrorType}:${ChatErrorSurface}` {
    return `${this.type}:${this.surface}`;
  }

  get status(): number {
    return STATUS[this.type];
  }

  toResponse(req: Pick<Request, "headers" | "url">): Response {
    return problem(req, {
      status: this.status,
      title: TITLE[this.type],
      detail: this.message,
      headers: this.headers,
      extensions: { code: this.code },
    });
  }
}
