import { describe, expect, it } from "vitest";
import { upstreamFailure } from "./upstream-errors";
import { UpstreamError } from "./upstream/types";

describe("upstreamFailure", () => {
  it.each([
    [400, undefined, 400, "upstream_rejected", undefined],
    [422, undefined, 400, "upstream_rejected", undefined],
    [401, undefined, 502, "upstream_error", undefined],
    [403, undefined, 502, "upstream_error", undefined],
    [404, undefined, 502, "upstream_error", undefined],
    [429, 4, 429, "rate_limit_exceeded", "4"],
    [500, undefined, 502, "upstream_error", undefined],
    [503, 9, 503, "model_unavailable", "9"],
    [503, undefined, 503, "model_unavailable", "30"],
    [0, undefined, 502, "upstream_error", undefined],
  ])("maps upstream %i to %i %s", (status, retry, expected, code, retryAfter) => {
    const err = upstreamFailure(new UpstreamError(status, "why", retry), "my-model");
    expect([err.status, err.code, err.headers["retry-after"]]).toEqual([expected, code, retryAfter]);
    expect(err.body().error).toMatchObject({ code });
  });

  it("never passes on the upstream's words for credential failures", () => {
    expect(upstreamFailure(new UpstreamError(401, "token hf_secret is invalid"), "m").message).not.toContain("hf_secret");
  });
});
