/** An upstream's failure as the caller sees it: its own 400s stay 400s, its outages become 502/503. */
import { errors, GatewayError } from "./errors";
import type { UpstreamError } from "./upstream/types";

export function upstreamFailure(err: UpstreamError, model: string): GatewayError {
  if (err.status === 400 || err.status === 422) return new GatewayError(400, "invalid_request_error", "upstream_rejected", `The model server refused the request: ${err.message}`);
  if (err.status === 429) return errors.rateLimited("requests", "deployment", 0, err.retryAfterS ?? 1, {});
  if (err.status === 503) return errors.unavailable(model, err.retryAfterS ?? 30, "is not ready to serve yet");
  if (err.status === 401 || err.status === 403) return errors.upstream("The model server refused the gateway's credentials.");
  if (err.status === 0) return errors.upstream(err.message);
  return errors.upstream(`The model server failed (status ${err.status}).`);
}
