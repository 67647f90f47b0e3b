/**
 * The gateway's errors in OpenAI's shape: `{"error":{"message","type","param","code"}}` with the
 * matching HTTP status. Messages are written for the developer calling the API and never carry
 * internal details (SQL, stack traces, upstream credentials).
 */
import "server-only";
import { API_CONTENT_SECURITY_POLICY } from "@/server/http/security-headers";

export type GatewayErrorType =
  | "invalid_request_error"
  | "authentication_error"
  | "permission_error"
  | "not_found_error"
  | "conflict_error"
  | "rate_limit_error"
  | "server_error";

export interface GatewayErrorBody {
  error: { message: string; type: GatewayErrorType; param: string | null; code: string | null };
}

export class GatewayError extends Error {
  constructor(
    readonly status: number,
    readonly type: GatewayErrorType,
    readonly code: string | null,
    message: string,
    readonly param: string | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "GatewayError";
  }

  body(): GatewayErrorBody {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}

/** The headers every gateway response carries (the proxy does not run for /api/v1). */
export function baseHeaders(extra?: Record<string, string>): Headers {
  const h = new Headers(extra);
  h.set("content-security-policy", API_CONTENT_SECURITY_POLICY);
  h.set("cache-control", "no-store");
  return h;
}

export function errorResponse(err: GatewayError, extra?: Record<string, string>): Response {
  const headers = baseHeaders({ ...extra, ...err.headers });
  headers.set("content-type", "application/json");
  return new Response(JSON.stringify(err.body()), { status: err.status, headers });
}

// The catalogue: one constructor per situation, so statuses and codes stay consistent.
export const errors = {
  invalidJson: () => new GatewayError(400, "invalid_request_error", "invalid_json", "The request body is not valid JSON."),
  invalidParam: (param: string, message: string) => new GatewayError(400, "invalid_request_error", "invalid_value", message, param),
  unsupportedParam: (param: string, message: string) =>
    new GatewayError(400, "invalid_request_error", "unsupported_parameter", message, param),
  missingKey: () =>
    new GatewayError(
      401,
      "authentication_error",
      "invalid_api_key",
      "You didn't provide an API key. Send it as `Authorization: Bearer rad_…` (create one under Settings → API keys).",
    ),
  invalidKey: () =>
    new GatewayError(401, "authentication_error", "invalid_api_key", "Incorrect, revoked or expired API key provided."),
  keyScope: (model: string) =>
    new GatewayError(
      403,
      "permission_error",
      "key_scope_mismatch",
      `This API key is scoped to another deployment and cannot call "${model}".`,
      "model",
    ),
  modelNotFound: (model: string) =>
    new GatewayError(
      404,
      "invalid_request_error",
      "model_not_found",
      `The model "${model}" does not exist or you do not have access to it. Use the endpoint name of one of your active deployments (GET /v1/models).`,
      "model",
    ),
  notFound: () => new GatewayError(404, "invalid_request_error", "not_found", "Unknown API route."),
  methodNotAllowed: (allow: string) =>
    new GatewayError(405, "invalid_request_error", "method_not_allowed", `Use ${allow}.`, null, { allow }),
  paused: (model: string) =>
    new GatewayError(409, "conflict_error", "deployment_paused", `The deployment "${model}" is paused. Resume it to call it again.`, "model"),
  tooLarge: (maxBytes: number) =>
    new GatewayError(413, "invalid_request_error", "request_too_large", `The request body is larger than ${maxBytes} bytes.`),
  unsupportedMediaType: () =>
    new GatewayError(415, "invalid_request_error", "unsupported_media_type", "Send the request body as application/json."),
  rateLimited: (what: "requests" | "tokens", scope: "key" | "deployment", limit: number, retryAfterS: number, headers: Record<string, string>) =>
    new GatewayError(
      429,
      "rate_limit_error",
      "rate_limit_exceeded",
      `Rate limit reached for ${scope === "key" ? "this API key" : "this deployment"}: ${limit} ${what} per minute. Try again in ${retryAfterS}s.`,
      null,
      { ...headers, "retry-after": String(retryAfterS) },
    ),
  internal: () => new GatewayError(500, "server_error", "internal_error", "The gateway failed to handle the request. Quote the x-request-id if you report it."),
  upstream: (message: string) => new GatewayError(502, "server_error", "upstream_error", message),
  unavailable: (model: string, retryAfterS: number, why: string) =>
    new GatewayError(503, "server_error", "model_unavailable", `The deployment "${model}" ${why}. Retry in ${retryAfterS}s.`, "model", {
      "retry-after": String(retryAfterS),
    }),
};
