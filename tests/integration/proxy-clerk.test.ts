/**
 * The proxy in Clerk mode, offline (a session JWT signed with a local key, verified with
 * CLERK_JWT_KEY): the request id and the headers are there too, the page CSP names Clerk's
 * Frontend API, and no redirect goes to a forged host.
 */
import crypto from "node:crypto";
import { NextRequest } from "next/server";
// Not re-exported at runtime by next/server (only its type is).
import { NextFetchEvent } from "next/dist/server/web/spec-extension/fetch-event";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const FAPI = "clerk.radium.test";
const ORIGIN = "http://localhost:3000";
const { privateKey, publicKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });

function sessionJwt(sub: string) {
  const b64url = (v: object) => Buffer.from(JSON.stringify(v)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  const body = `${b64url({ alg: "RS256", typ: "JWT", kid: "ins_test" })}.${b64url({ iss: `https://${FAPI}`, azp: ORIGIN, sid: "sess_1", sub, iat: now - 5, nbf: now - 5, exp: now + 60 })}`;
  return `${body}.${crypto.sign("RSA-SHA256", Buffer.from(body), privateKey).toString("base64url")}`;
}

describe("proxy with Clerk configured", () => {
  const saved = { ...process.env };
  let proxy: typeof import("@/proxy").default;

  beforeAll(async () => {
    process.env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY = `pk_test_${Buffer.from(`${FAPI}$`).toString("base64")}`;
    process.env.CLERK_SECRET_KEY = "sk_test_offline";
    process.env.CLERK_JWT_KEY = publicKey.export({ type: "spki", format: "pem" }).toString();
    process.env.CLERK_AUTHORIZED_PARTIES = ORIGIN;
    // The proxy reads the Clerk settings when it is loaded.
    proxy = (await import("@/proxy")).default;
  });
  afterAll(() => {
    process.env = saved;
  });

  async function run(path: string, headers: Record<string, string> = {}) {
    const request = new NextRequest(`${ORIGIN}${path}`, { headers: { host: "localhost:3000", ...headers } });
    const res = await proxy(request, new NextFetchEvent({ request, page: "/", context: { waitUntil: () => {} } }));
    if (!res) throw new Error("the proxy answered nothing");
    return res;
  }

  it("a signed-in API call carries the request id on both sides and the API CSP", async () => {
    const res = await run("/api/trpc/models.list", { authorization: `Bearer ${sessionJwt("user_2proxyClerk0000000000000")}`, "x-request-id": "clerk-mode-id-01" });
    expect(res.headers.get("x-request-id")).toBe("clerk-mode-id-01");
    expect(res.headers.get("x-middleware-request-x-request-id")).toBe("clerk-mode-id-01");
    expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
  });

  it("a page gets a nonce CSP that allows Clerk's Frontend API", async () => {
    const res = await run("/sign-in");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(csp).toContain(`connect-src 'self' https://${FAPI}`);
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("a signed-out page visit is redirected, never to a forged host", async () => {
    const res = await run("/models", { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", host: "evil.example" });
    expect([307, 308]).toContain(res.status);
    expect(res.headers.get("location") ?? "").not.toContain("evil.example");
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
