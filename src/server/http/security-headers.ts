/**
 * Security headers the proxy puts on every page and API response (pure, so tests can pin them).
 * Pages get a nonce-based Content-Security-Policy (Next reads the nonce from the request's CSP
 * header and puts it on its own scripts); API responses never render HTML, so they get a policy
 * that allows nothing at all.
 */

export interface PolicyOptions {
  /** Fresh per request; only pages need one. */
  nonce: string;
  /** `next dev`: React rebuilds server error stacks in the browser with eval. */
  dev: boolean;
  /** Clerk's Frontend API host (e.g. `clerk.example.com`) when Clerk is configured. */
  clerkFrontendApi?: string;
  /** uploadthing is the storage: browsers send dataset files straight to its regional ingest hosts. */
  uploadthing?: boolean;
}

// Clerk's hosts, from its own CSP helper (@clerk/nextjs server/content-security-policy): scripts
// come from the Frontend API (allowed by 'strict-dynamic' once clerk-js is loaded by a nonced
// script), bot protection runs in a Cloudflare frame, avatars come from img.clerk.com.
function clerkSources(fapi: string) {
  return {
    "connect-src": [`https://${fapi}`, "https://clerk-telemetry.com", "https://*.clerk-telemetry.com", "https://img.clerk.com"],
    "img-src": ["https://img.clerk.com"],
    "frame-src": ["https://challenges.cloudflare.com"],
    "worker-src": ["'self'", "blob:"],
  };
}

export function pageContentSecurityPolicy({ nonce, dev, clerkFrontendApi, uploadthing }: PolicyOptions): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // 'strict-dynamic': scripts that the nonced framework scripts load are trusted; nothing else runs.
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // Inline style attributes (Radix positioning, CodeMirror, sonner) cannot carry a nonce, and a nonce
    // in style-src would switch 'unsafe-inline' off; styles cannot run code, scripts stay strict.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "blob:", "data:"],
    "font-src": ["'self'", "data:"],
    // uploadthing's client PUTs to `https://{region}.ingest.uploadthing.com` (its default ingest host).
    "connect-src": ["'self'", ...(uploadthing ? ["https://*.ingest.uploadthing.com"] : [])],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  if (clerkFrontendApi) {
    for (const [name, sources] of Object.entries(clerkSources(clerkFrontendApi))) {
      directives[name] = [...new Set([...(directives[name] ?? []), ...sources])];
    }
  }
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/** JSON, files and streams: nothing in them may load, run or be framed. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Headers that do not depend on the request (next.config.ts also sends them for static files). */
export function staticSecurityHeaders(production: boolean): Array<[string, string]> {
  const headers: Array<[string, string]> = [
    ["X-Frame-Options", "DENY"],
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
  ];
  // Browsers ignore HSTS over plain http, so a local `next start` on http is unaffected.
  if (production) headers.push(["Strict-Transport-Security", "max-age=63072000; includeSubDomains"]);
  return headers;
}

/** A fresh CSP nonce: 128 random bits, base64 (no characters that need escaping in HTML). */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/** The Frontend API host a Clerk publishable key names (`pk_test_` + base64("host$")). */
export function clerkFrontendApiOf(publishableKey: string | undefined): string | undefined {
  const encoded = publishableKey?.trim().match(/^pk_(?:test|live)_(.+)$/)?.[1];
  if (!encoded) return undefined;
  try {
    const host = atob(encoded).replace(/\$$/, "");
    return /^[a-z0-9.-]+(?::\d+)?$/i.test(host) ? host : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What the proxy would have put on an API answer it never saw (routes it skips or the server's fast
 * path serves): the nothing-allowed CSP and the static headers. Fetched responses have immutable
 * headers, so those are copied.
 */
export function withApiHeaders(res: Response, production: boolean): Response {
  let out = res;
  try {
    out.headers.set("Content-Security-Policy", API_CONTENT_SECURITY_POLICY);
  } catch {
    out = new Response(res.body, res);
    out.headers.set("Content-Security-Policy", API_CONTENT_SECURITY_POLICY);
  }
  for (const [name, value] of staticSecurityHeaders(production)) out.headers.set(name, value);
  return out;
}
