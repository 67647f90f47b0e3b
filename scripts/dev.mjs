#!/usr/bin/env node
// `npm run dev`: starts the app (`next dev`) together with an Inngest server for its functions.
//   runner     — the local runner (src/dev/inngest-runner) on :8288 in signed mode, as self-hosted
//                Inngest: the app runs in cloud mode (INNGEST_BASE_URL, INNGEST_SIGNING_KEY,
//                INNGEST_EVENT_KEY) with keys generated once into .data/; the default, works offline
//   runner-dev — the same runner in the dev server's unsigned protocol (app in dev mode)
//   cli        — the real Inngest dev server (`inngest-cli dev`), used when the optional
//                inngest-cli package installed its binary (it needs internet at install time)
//   none       — nothing: the app uses the INNGEST_* variables it is given (Inngest Cloud,
//                self-hosted Inngest, or a dev server you run yourself)
// RADIUM_INNGEST=runner|runner-dev|cli|none forces the choice; without it: cli if installed, else
// runner, or none when a signing key is configured and INNGEST_DEV is not (the app then talks to Cloud).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
// The app promises to need no network: Next's anonymous telemetry stays off in every child.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const require = createRequire(import.meta.url);

// Read .env* the way `next dev` will, so the choice below sees the same INNGEST_* settings.
try {
  require("@next/env").loadEnvConfig(root, true, { info: () => {}, error: console.error });
} catch {
  /* @next/env ships with next; without it only the shell environment counts */
}

const appPort = process.env.PORT || "3000";
const appUrl = `http://localhost:${appPort}/api/inngest`;
const serverPort = process.env.INNGEST_RUNNER_PORT || "8288";
const serverUrl = `http://127.0.0.1:${serverPort}`;

/** The inngest-cli binary, if its (optional) package installed and downloaded it. */
function cliBinary() {
  try {
    const pkg = require.resolve("inngest-cli/package.json", { paths: [root] });
    const bin = path.join(path.dirname(pkg), "bin", "inngest");
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

function choose() {
  const forced = (process.env.RADIUM_INNGEST || "").trim().toLowerCase();
  if (forced) {
    if (!["runner", "runner-dev", "cli", "none"].includes(forced)) {
      console.error(`RADIUM_INNGEST must be runner, runner-dev, cli or none (got "${forced}")`);
      process.exit(1);
    }
    if (forced === "cli" && !cliBinary()) {
      console.error(
        "RADIUM_INNGEST=cli, but inngest-cli is not installed (its install downloads a binary and needs internet).\n" +
          "It is an optional dependency: run `npm install` with internet access, or use RADIUM_INNGEST=runner.",
      );
      process.exit(1);
    }
    return forced;
  }
  if (process.env.INNGEST_SIGNING_KEY && !process.env.INNGEST_DEV) return "none";
  return cliBinary() ? "cli" : "runner";
}

const mode = choose();
const children = [];
let exiting = false;

function start(name, command, args, env, { prefix } = {}) {
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: prefix ? ["ignore", "pipe", "pipe"] : "inherit",
  });
  if (prefix) {
    for (const stream of [child.stdout, child.stderr]) {
      let buf = "";
      stream.on("data", (d) => {
        buf += d;
        const lines = buf.split("\n");
        buf = lines.pop();
        for (const line of lines) process.stdout.write(`${prefix} ${line}\n`);
      });
    }
  }
  child.on("error", (err) => {
    console.error(`[dev] could not start ${name}: ${err.message}`);
    if (name === "next") shutdown(1);
  });
  child.on("exit", (code, signal) => {
    if (exiting) return maybeExit();
    if (name === "next") return shutdown(code ?? (signal ? 1 : 0));
    console.error(
      `[dev] ${name} stopped (${signal ?? `exit ${code}`}); the app keeps running but its Inngest functions will not run until you restart \`npm run dev\`.`,
    );
  });
  children.push(child);
  return child;
}

function maybeExit() {
  if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) process.exit(process.exitCode ?? 0);
}

function shutdown(code = 0) {
  if (exiting) return;
  exiting = true;
  process.exitCode = code;
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGTERM");
  setTimeout(() => process.exit(code), 8000).unref();
  maybeExit();
}

for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => shutdown(0));

/**
 * The signing key and event key shared by the runner and the app, generated on first use into
 * .data/ (git-ignored). The signing key is bare hex of even length, as `inngest start` requires.
 */
function localKeys() {
  const file = path.join(root, ".data", "inngest-keys.json");
  try {
    const keys = JSON.parse(readFileSync(file, "utf8"));
    if (/^(?:[0-9a-f]{2})+$/.test(keys.signingKey) && keys.eventKey) return keys;
  } catch {
    /* first run, or an unreadable file: make new keys */
  }
  const keys = { signingKey: randomBytes(32).toString("hex"), eventKey: randomBytes(16).toString("hex") };
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  console.log(`[dev] generated the local Inngest signing key and event key in ${path.relative(root, file)}`);
  return keys;
}

const appEnv = {};
if (mode === "runner" || mode === "runner-dev") {
  const signed = mode === "runner";
  const runnerEnv = { INNGEST_RUNNER_PORT: serverPort, INNGEST_RUNNER_APP_URL: process.env.INNGEST_RUNNER_APP_URL || appUrl };
  if (signed) {
    const keys = localKeys();
    Object.assign(runnerEnv, { INNGEST_RUNNER_SIGNING_KEY: keys.signingKey, INNGEST_RUNNER_EVENT_KEY: keys.eventKey });
    // Cloud mode against the runner, as against self-hosted Inngest: the SDK verifies every call.
    Object.assign(appEnv, {
      INNGEST_DEV: "0",
      INNGEST_BASE_URL: serverUrl,
      INNGEST_SIGNING_KEY: keys.signingKey,
      INNGEST_EVENT_KEY: keys.eventKey,
    });
  } else {
    Object.assign(runnerEnv, { INNGEST_RUNNER_SIGNING_KEY: "", INNGEST_RUNNER_EVENT_KEY: "" });
    appEnv.INNGEST_DEV = serverUrl;
  }
  console.log(
    `[dev] Inngest: local runner (${signed ? "signed, as self-hosted Inngest" : "dev mode, unsigned"}) on ${serverUrl} (dashboard http://localhost:${serverPort}/), syncing ${runnerEnv.INNGEST_RUNNER_APP_URL}`,
  );
  // Node with tsx's loader rather than the tsx CLI: one process, so signals reach the runner itself.
  start("inngest-runner", process.execPath, ["--import", "tsx", "src/dev/inngest-runner/main.ts"], runnerEnv);
} else if (mode === "cli") {
  console.log(`[dev] Inngest: inngest-cli dev on http://localhost:${serverPort}/, syncing ${appUrl}`);
  start("inngest-cli", cliBinary(), ["dev", "-u", appUrl, "--port", serverPort], {}, { prefix: "[inngest]" });
  appEnv.INNGEST_DEV = serverUrl;
} else {
  console.log(
    `[dev] Inngest: none started; the app uses ${process.env.INNGEST_DEV ? `INNGEST_DEV=${process.env.INNGEST_DEV}` : "Inngest Cloud / INNGEST_BASE_URL with its signing key"}`,
  );
}

start("next", "next", ["dev", ...process.argv.slice(2)], appEnv);
