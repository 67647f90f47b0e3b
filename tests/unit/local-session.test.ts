import crypto from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import {
  LOCAL_SESSION_MAX_AGE_S,
  localUserIdFor,
  newLocalSessionId,
  signLocalSession,
  verifyLocalSession,
} from "@/server/auth/local-session";

const secret = Buffer.from("test-secret");
const sid = newLocalSessionId();

describe("local sign-in session", () => {
  it("issues stable Clerk-shaped text ids per email", () => {
    const id = localUserIdFor("Ada@Example.com ");
    expect(id).toMatch(/^user_[A-Za-z0-9]{27}$/);
    expect(localUserIdFor("ada@example.com")).toBe(id);
    expect(localUserIdFor("grace@example.com")).not.toBe(id);
  });

  it("round-trips a signed session", () => {
    const token = signLocalSession({ sid, name: "Ada", email: "ada@example.com" }, secret);
    expect(verifyLocalSession(token, secret)).toMatchObject({
      sid,
      sub: localUserIdFor("ada@example.com"),
      name: "Ada",
      email: "ada@example.com",
    });
  });

  it("rejects tampered, foreign-key, malformed and missing tokens", () => {
    const token = signLocalSession({ sid, name: "Ada", email: "ada@example.com" }, secret);
    const [payload, sig] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ sid, sub: localUserIdFor("eve@example.com"), name: "Eve", email: "eve@example.com", iat: 1 })).toString("base64url");
    expect(verifyLocalSession(`${forged}.${sig}`, secret)).toBeNull();
    expect(verifyLocalSession(`${payload}.${sig}x`, secret)).toBeNull();
    expect(verifyLocalSession(token, Buffer.from("other-secret"))).toBeNull();
    expect(verifyLocalSession("garbage", secret)).toBeNull();
    // A validly signed token from before sessions were recorded (no sid) is not accepted.
    const legacy = Buffer.from(JSON.stringify({ sub: localUserIdFor("ada@example.com"), name: "Ada", email: "ada@example.com", iat: Math.floor(Date.now() / 1000) })).toString("base64url");
    expect(verifyLocalSession(`${legacy}.${crypto.createHmac("sha256", secret).update(legacy).digest("base64url")}`, secret)).toBeNull();
    expect(verifyLocalSession(undefined, secret)).toBeNull();
  });

  it("expires after the session lifetime", () => {
    vi.useFakeTimers();
    try {
      const token = signLocalSession({ sid, name: "Ada", email: "ada@example.com" }, secret);
      vi.setSystemTime(Date.now() + (LOCAL_SESSION_MAX_AGE_S + 5) * 1000);
      expect(verifyLocalSession(token, secret)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
