import { describe, expect, it } from "vitest";
import { appUrl } from "@/lib/relative-redirect";
import {
  API_CONTENT_SECURITY_POLICY,
  clerkFrontendApiOf,
  newNonce,
  pageContentSecurityPolicy,
  staticSecurityHeaders,
} from "@/server/http/security-headers";

const directive = (csp: string, name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `));

describe("page Content-Security-Policy", () => {
  it("allows scripts by nonce only, forbids framing, and needs eval only in development", () => {
    const csp = pageContentSecurityPolicy({ nonce: "abc123", dev: false });
    expect(directive(csp, "script-src")).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(directive(csp, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(csp, "object-src")).toBe("object-src 'none'");
    expect(directive(csp, "default-src")).toBe("default-src 'self'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toContain("clerk");
    expect(directive(pageContentSecurityPolicy({ nonce: "n", dev: true }), "script-src")).toContain("'unsafe-eval'");
  });

  it("adds Clerk's hosts only when Clerk is configured", () => {
    const csp = pageContentSecurityPolicy({ nonce: "n", dev: false, clerkFrontendApi: "clerk.radium.example" });
    expect(directive(csp, "connect-src")).toContain("'self' https://clerk.radium.example");
    expect(directive(csp, "img-src")).toContain("https://img.clerk.com");
    expect(directive(csp, "frame-src")).toBe("frame-src https://challenges.cloudflare.com");
    expect(directive(csp, "worker-src")).toBe("worker-src 'self' blob:");
  });

  it("lets pages upload to uploadthing's ingest hosts only when it is the storage", () => {
    expect(directive(pageContentSecurityPolicy({ nonce: "n", dev: false }), "connect-src")).toBe("connect-src 'self'");
    const csp = pageContentSecurityPolicy({ nonce: "n", dev: false, uploadthing: true });
    expect(directive(csp, "connect-src")).toBe("connect-src 'self' https://*.ingest.uploadthing.com");
  });

  it("API responses allow nothing", () => {
    expect(API_CONTENT_SECURITY_POLICY).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it("nonces are fresh and safe to put in HTML", () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });

  it("reads the Frontend API host from a publishable key, rejecting anything else", () => {
    expect(clerkFrontendApiOf(`pk_test_${btoa("clerk.radium.example$")}`)).toBe("clerk.radium.example");
    expect(clerkFrontendApiOf(`pk_live_${btoa("clerk.radium.example$")}`)).toBe("clerk.radium.example");
    expect(clerkFrontendApiOf(`pk_test_${btoa("evil.example; script-src *$")}`)).toBeUndefined();
    expect(clerkFrontendApiOf("pk_test_!!!")).toBeUndefined();
    expect(clerkFrontendApiOf(undefined)).toBeUndefined();
  });
});

describe("static security headers", () => {
  it("deny framing and sniffing everywhere, and send HSTS in production only", () => {
    const dev = Object.fromEntries(staticSecurityHeaders(false));
    expect(dev).toEqual({
      "X-Frame-Options": "DENY",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    });
    expect(Object.fromEntries(staticSecurityHeaders(true))["Strict-Transport-Security"]).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
  });
});

describe("appUrl (redirect targets in the proxy)", () => {
  it("uses the request URL's own origin, or the configured one, never another host", () => {
    expect(appUrl("/sign-in?x=1", "http://localhost:3000/models").href).toBe("http://localhost:3000/sign-in?x=1");
    expect(appUrl("/sign-in", "http://localhost:3000/models", "https://radium.example/ignored").href).toBe("https://radium.example/sign-in");
    expect(appUrl("/sign-in", "http://localhost:3000/", "not a url").href).toBe("http://localhost:3000/sign-in");
    expect(appUrl("//evil.example/x", "http://localhost:3000/").origin).toBe("http://localhost:3000");
  });
});
