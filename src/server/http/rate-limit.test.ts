import { describe, expect, it } from "vitest";
import { clientIp, slidingWindowLimiter } from "./rate-limit";

describe("slidingWindowLimiter", () => {
  it("allows `limit` hits per window per key, then refuses with the seconds to wait", () => {
    const limiter = slidingWindowLimiter({ limit: 3, windowMs: 60_000 });
    const t0 = 1_000_000;
    expect(limiter.hit("a", t0).allowed).toBe(true);
    expect(limiter.hit("a", t0 + 1_000).allowed).toBe(true);
    expect(limiter.hit("a", t0 + 2_000).allowed).toBe(true);
    expect(limiter.hit("a", t0 + 3_000)).toEqual({ allowed: false, retryAfterS: 57 });
    // Another key has its own window.
    expect(limiter.hit("b", t0 + 3_000).allowed).toBe(true);
  });

  it("slides: a hit frees up once the oldest one leaves the window, and refusals do not count", () => {
    const limiter = slidingWindowLimiter({ limit: 2, windowMs: 10_000 });
    limiter.hit("a", 0);
    limiter.hit("a", 5_000);
    for (let t = 6_000; t < 10_000; t += 1_000) expect(limiter.hit("a", t).allowed).toBe(false);
    expect(limiter.hit("a", 10_000).allowed).toBe(true);
    expect(limiter.hit("a", 10_001)).toEqual({ allowed: false, retryAfterS: 5 });
    expect(limiter.hit("a", 15_000).allowed).toBe(true);
  });

  it("keeps at most maxKeys keys, forgetting the stalest", () => {
    const limiter = slidingWindowLimiter({ limit: 1, windowMs: 60_000, maxKeys: 2 });
    limiter.hit("a", 0);
    limiter.hit("b", 1);
    limiter.hit("c", 2);
    expect(limiter.hit("a", 3).allowed).toBe(true);
    expect(limiter.hit("c", 4).allowed).toBe(false);
  });
});

describe("clientIp", () => {
  const req = (headers: Record<string, string>) => ({ headers: new Headers(headers) });
  it("takes the last X-Forwarded-For hop (the one the nearest proxy added), then X-Real-IP, else 'local'", () => {
    expect(clientIp(req({ "x-forwarded-for": "forged-by-client, 203.0.113.7", "x-real-ip": "10.0.0.2" }))).toBe("203.0.113.7");
    expect(clientIp(req({ "x-real-ip": "198.51.100.4" }))).toBe("198.51.100.4");
    expect(clientIp(req({ "x-forwarded-for": "10.0.0.1, " }))).toBe("local");
    expect(clientIp(req({}))).toBe("local");
  });
});
