/**
 * The proxy (src/proxy.ts), called as Next calls it: the request id on the response and on the
 * forwarded request headers, the security headers on pages and API routes, and sign-in redirects
 * that never take their host from Host or X-Forwarded-Host.
 */
import { NextRequest } from "next/server";
// Not re-exported at runtime by next/server (only its type is).
import { NextFetchEvent } from "next/dist/server/web/spec-extension/fetch-event";
import { afterEach, describe, expect, it } from "vitest";
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import proxy, { config } from "@/proxy";
import { LOCAL_SESSION_COOKIE, newLocalSessionId, signLocalSession } from "@/server/auth/local-session";

process.env.AUTH_SECRET ??= "proxy-tests-secret";

async function run(path: string, headers: Record<string, string> = {}) {
  const request = new NextRequest(`http://localhost:3000${path}`, { headers });
  const event = new NextFetchEvent({ request, page: "/", context: { waitUntil: () => {} } });
  return proxy(request, event);
}

/** The value Next will hand the route handler or page for a request header the proxy set. */
const forwarded = (res: Response, name: string) => res.headers.get(`x-middleware-request-${name}`);

const signedIn = () => ({ cookie: `${LOCAL_SESSION_COOKIE}=${encodeURIComponent(signLocalSession({ sid: newLocalSessionId(), name: "P", email: "p@example.com" }))}` });

afterEach(() => {
  delete process.env.APP_URL;
});

describe("request id", () => {
  it("keeps a sane incoming id, on the response and on the forwarded request", async () => {
    const res = await run("/api/health", { "x-request-id": "client-chosen-id-123" });
    expect(res.headers.get("x-request-id")).toBe("client-chosen-id-123");
    expect(forwarded(res, "x-request-id")).toBe("client-chosen-id-123");
  });

  it("replaces a missing or unsafe id with a fresh one, the same on both sides", async () => {
    for (const bad of [undefined, "short", "has spaces in it", "x".repeat(200), "inject<script>id"]) {
      const res = await run("/models", { ...signedIn(), ...(bad === undefined ? {} : { "x-request-id": bad }) });
      const id = res.headers.get("x-request-id");
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(forwarded(res, "x-request-id")).toBe(id);
    }
  });

  it("is on redirects too", async () => {
    const res = await run("/models");
    expect(res.status).toBe(307);
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("security headers", () => {
  const common = {
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
  };

  it("pages get a nonce CSP that Next also sees on the request", async () => {
    const res = await run("/models", signedIn());
    expect(res.status).toBe(200);
    for (const [name, value] of Object.entries(common)) expect(res.headers.get(name)).toBe(value);
    const csp = res.headers.get("content-security-policy") ?? "";
    const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(forwarded(res, "content-security-policy")).toBe(csp);
    expect(forwarded(res, "x-nonce")).toBe(nonce);
    // A fresh nonce per request.
    const again = await run("/models", signedIn());
    expect(again.headers.get("content-security-policy")).not.toBe(csp);
  });

  it("API routes and sign-in redirects get them too", async () => {
    const api = await run("/api/trpc/models.list");
    expect(api.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    const redirect = await run("/chat/123");
    for (const res of [api, redirect]) {
      for (const [name, value] of Object.entries(common)) expect(res.headers.get(name)).toBe(value);
    }
    expect(redirect.headers.get("content-security-policy")).toContain("'strict-dynamic'");
  });

  it("sends no HSTS outside production", async () => {
    expect((await run("/sign-in")).headers.get("strict-transport-security")).toBeNull();
  });
});

describe("sign-in redirects", () => {
  const forged = { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };

  it("stay on the request's own origin whatever Host and X-Forwarded-Host say", async () => {
    const variants: Array<Record<string, string>> = [forged, { host: "evil.example" }, { "x-forwarded-host": "evil.example" }];
    for (const headers of variants) {
      const res = await run("/models?q=x", headers);
      expect(res.status).toBe(307);
      const location = new URL(res.headers.get("location") ?? "", "http://unused.invalid");
      expect(location.host).toBe("localhost:3000");
      expect(location.pathname).toBe("/sign-in");
      expect(location.searchParams.get("redirect_url")).toBe("/models?q=x");
    }
  });

  it("use APP_URL when it is configured", async () => {
    process.env.APP_URL = "https://radium.example";
    const res = await run("/models", forged);
    expect(res.headers.get("location")).toBe("https://radium.example/sign-in?redirect_url=%2Fmodels");
  });
});

describe("matcher", () => {
  const runsFor = (path: string) => unstable_doesMiddlewareMatch({ config, url: `http://localhost:3000${path}` });

  it("runs for pages and API routes, but not for tRPC, the OpenAI-compatible API, uploads or static files", () => {
    for (const path of ["/", "/chat/123", "/models?q=x", "/sign-in", "/api/health", "/api/chat", "/api/auth/local/sign-out", "/api/trpcx"]) {
      expect(runsFor(path), path).toBe(true);
    }
    // These set their own headers and authenticate each request themselves (tRPC: trpc-route.test.ts).
    for (const path of ["/api/trpc/chats.history", "/api/trpc/chats.history,models.list?batch=1", "/api/v1/models", "/api/uploads/x", "/_next/static/a.js", "/favicon.ico"]) {
      expect(runsFor(path), path).toBe(false);
    }
  });
});
