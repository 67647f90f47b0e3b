import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules at runtime, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "ws", "@neondatabase/serverless"],
  poweredByHeader: false,
  // The Inngest runner re-syncs every few seconds; its PUTs would drown the dev request log.
  logging: { incomingRequests: { ignore: [/^\/api\/inngest/] } },
  // `npm test` type-checks the whole project with `tsc` before building; the build skips a second pass.
  typescript: { ignoreBuildErrors: process.env.RADIUM_SKIP_BUILD_TYPECHECK === "1" },
};

export default nextConfig;
