import type { NextConfig } from "next";
import { staticSecurityHeaders } from "./src/server/http/security-headers";

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules at runtime, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "ws", "@neondatabase/serverless"],
  poweredByHeader: false,
  // No on-the-fly gzip: it held each page's first bytes back (≈ 12 ms of the chat page's 35 ms first
  // byte) and recompressed the same immutable scripts on every request. Scripts and styles go out as
  // the Brotli/gzip copies the build writes (src/server/http/static-route.ts); pages and API answers
  // go out as they are, which costs nothing on the local machine, and a public deployment puts a
  // reverse proxy or CDN in front that compresses them (see the README).
  compress: false,
  // The Inngest runner re-syncs every few seconds; its PUTs would drown the dev request log.
  logging: { incomingRequests: { ignore: [/^\/api\/inngest/] } },
  // `npm test` type-checks the whole project with `tsc` before building; the build skips a second pass.
  typescript: { ignoreBuildErrors: process.env.RADIUM_SKIP_BUILD_TYPECHECK === "1" },
  // The proxy sets these (plus the CSP and the request id) on pages and API routes; this covers
  // what the proxy does not run for, such as /_next/static scripts (nosniff matters most there).
  async headers() {
    const headers = staticSecurityHeaders(process.env.NODE_ENV === "production").map(([key, value]) => ({ key, value }));
    return [
      { source: "/:path*", headers },
      // Next serves the icon with max-age=0, so every page view asked for it again. A day, then
      // revalidated in the background: a new icon still shows up without a hard reload.
      { source: "/favicon.ico", headers: [{ key: "Cache-Control", value: "public, max-age=86400, stale-while-revalidate=604800" }] },
    ];
  },
};

export default nextConfig;
