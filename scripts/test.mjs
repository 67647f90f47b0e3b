#!/usr/bin/env node
// `npm test`: unit + integration (vitest) on PGlite and, when reachable, the local PostgreSQL
// (directly and through the Neon driver); then the production build, the Playwright e2e suite and a
// smoke run of the HTTP benches.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";

function run(cmd, args, env = {}) {
  console.log(`\n▶ ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function reachable(host, port) {
  return new Promise((resolve) => {
    const s = net.connect(port, host);
    s.setTimeout(1000);
    s.on("connect", () => {
      s.destroy();
      resolve(true);
    });
    s.on("error", () => resolve(false));
    s.on("timeout", () => {
      s.destroy();
      resolve(false);
    });
  });
}

// No network from the suite: Next's anonymous telemetry stays off in every child (build, start, dev).
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

const only = process.argv[2]; // "unit" or "e2e" runs one half

// Playwright drives Debian's Chromium (no browser download is possible here).
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if ((!only || only === "e2e") && !fs.existsSync(chromium)) {
  if (process.getuid?.() === 0) {
    console.log("Installing Debian's chromium for the e2e suite…");
    run("sh", ["-c", "apt-get install -y chromium || (apt-get update && apt-get install -y chromium)"], {
      DEBIAN_FRONTEND: "noninteractive",
    });
  } else {
    console.error(`E2E needs Chromium at ${chromium}: run \`sudo apt-get install -y chromium\` (or set CHROMIUM_PATH).`);
    process.exit(1);
  }
}

if (!process.env.TEST_DATABASE_URL && (await reachable("127.0.0.1", 5432))) {
  process.env.TEST_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/postgres";
}
console.log(
  process.env.TEST_DATABASE_URL
    ? `PostgreSQL suites use ${process.env.TEST_DATABASE_URL.replace(/\/\/[^@]*@/, "//")}`
    : "No PostgreSQL at 127.0.0.1:5432 and no TEST_DATABASE_URL: only the PGlite suites run.",
);

if (!only || only === "unit") {
  run("npm", ["run", "--silent", "lint"]); // Biome: zero warnings (biome.jsonc)
  run("next", ["typegen"]); // PageProps/RouteContext types that tsc needs on a fresh clone
  run("tsc", ["--noEmit"]);
  run("vitest", ["run"]);
}
if (!only || only === "e2e") {
  // Tests never see real service keys from the developer's shell.
  run("next", ["build"], {
    DATABASE_URL: "",
    NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: "",
    CLERK_SECRET_KEY: "",
    RADIUM_SKIP_BUILD_TYPECHECK: only ? "0" : "1",
  });
  run("node", ["scripts/precompress-static.mjs"]); // as `npm run build` does
  run("playwright", ["test"]);
  // The HTTP benches against the build just made, as a smoke (a few runs each, no timing goals), so
  // they cannot rot. They need the local PostgreSQL as well as PGlite.
  if (process.env.TEST_DATABASE_URL) {
    run("npm", ["run", "--silent", "bench", "--", "chat", "history", "lists", "first-byte", "gateway"], { BENCH_QUICK: "1" });
  }
}
