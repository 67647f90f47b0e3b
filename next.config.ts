import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules at runtime, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "ws", "@neondatabase/serverless"],
  poweredByHeader: false,
};

export default nextConfig;
