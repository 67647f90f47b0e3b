import { describe, expect, it } from "vitest";
import { brokenLimit, leaseSize, limitScopes, rateLimitHeaders, resetText, secondsToReset, windowStart } from "./limits-math";

describe("rate-limit arithmetic", () => {
  const t = Date.UTC(2026, 0, 1, 12, 30, 45, 500);

  it("uses one-minute windows and counts the seconds to the next", () => {
    expect(windowStart(t)).toBe(Date.UTC(2026, 0, 1, 12, 30, 0));
    expect(secondsToReset(t)).toBe(15);
    expect(secondsToReset(windowStart(t))).toBe(60);
    expect(resetText(15)).toBe("15s");
    expect(resetText(60)).toBe("1m0s");
    expect(resetText(75)).toBe("1m15s");
  });

  it("orders the scopes deployment first, then the key or the chat user", () => {
    expect(limitScopes("d1", { keyId: "k1" })).toEqual(["deployment:d1", "key:k1:d1"]);
    expect(limitScopes("d1", { userId: "user_1" })).toEqual(["deployment:d1", "user:user_1:d1"]);
  });

  it("sends OpenAI's x-ratelimit headers, never a negative remainder", () => {
    const limits = { requestsPerMinute: 10, tokensPerMinute: 1000 };
    expect(rateLimitHeaders(limits, { requests: 3, tokens: 1200 }, t)).toEqual({
      "x-ratelimit-limit-requests": "10",
      "x-ratelimit-remaining-requests": "7",
      "x-ratelimit-reset-requests": "15s",
      "x-ratelimit-limit-tokens": "1000",
      "x-ratelimit-remaining-tokens": "0",
      "x-ratelimit-reset-tokens": "15s",
    });
    expect(brokenLimit(limits, { requests: 10, tokens: 0 })).toBe("requests");
    expect(brokenLimit(limits, { requests: 2, tokens: 1000 })).toBe("tokens");
  });

  it("leases a twentieth of each limit, at least one", () => {
    expect(leaseSize({ requestsPerMinute: 600, tokensPerMinute: 200_000 })).toEqual({ requests: 30, tokens: 10_000 });
    expect(leaseSize({ requestsPerMinute: 7, tokensPerMinute: 100 })).toEqual({ requests: 1, tokens: 5 });
  });
});
