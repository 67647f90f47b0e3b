import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { e2eDataRoot } from "./e2e/helpers/data-root";

// E2E drives the production build (`next build` first) on the embedded defaults, in Debian's Chromium.
// One temporary data directory per run, deleted when the run ends (e2e/global-teardown.ts).
const dataRoot = e2eDataRoot();
// E2E_PORT_BASE moves every port (default 3100), so two suites can run on one machine.
const BASE_PORT = Number(process.env.E2E_PORT_BASE ?? 3100);
const APP_PORT = BASE_PORT;
const OPENAI_APP_PORT = BASE_PORT + 1;
const FAKE_OPENAI_PORT = BASE_PORT + 99;
const RUNNER_PORT = BASE_PORT + 5199;
// Specs read these (config and workers share the environment).
process.env.OPENAI_APP_URL = `http://127.0.0.1:${OPENAI_APP_PORT}`;
process.env.FAKE_OPENAI_URL = `http://127.0.0.1:${FAKE_OPENAI_PORT}`;
process.env.E2E_INNGEST_RUNNER_URL = `http://127.0.0.1:${RUNNER_PORT}`;
// The runner runs in signed mode, as self-hosted Inngest, and the app in cloud mode against it: one
// key pair per run, handed to the workers (which load this file again) through the environment.
process.env.E2E_INNGEST_SIGNING_KEY ??= crypto.randomBytes(32).toString("hex");
process.env.E2E_INNGEST_EVENT_KEY ??= crypto.randomBytes(16).toString("hex");
const SIGNING_KEY = process.env.E2E_INNGEST_SIGNING_KEY;
const EVENT_KEY = process.env.E2E_INNGEST_EVENT_KEY;
const runnerEntry = "src/dev/inngest-runner/main.ts";
const fakeOpenAI = "e2e/fakes/openai-server.ts";

const appEnv = (port: number, extra: Record<string, string> = {}) => ({
  PORT: String(port),
  PGLITE_DIR: path.join(dataRoot, `app-${port}`),
  AUTH_SECRET: "e2e-secret-not-for-production",
  NEXT_TELEMETRY_DISABLED: "1",
  // Every spec signs in from 127.0.0.1; the default 10 per minute per IP could refuse a fast run.
  LOCAL_SIGN_IN_RATE_LIMIT: "1000",
  // Simulated deployments come up, pause and resume in a fraction of a second instead of minutes.
  COMPUTE_SIMULATOR_SPEED: "0.01",
  // Simulated training at 0.3× real time: a small job takes about half a minute, long enough that the
  // loss chart is seen growing and a second job can be cancelled while it runs (e2e/fine-tuning.spec.ts).
  TRAINING_SIMULATOR_SPEED: "0.3",
  INNGEST_DEV: "0",
  INNGEST_BASE_URL: `http://127.0.0.1:${RUNNER_PORT}`,
  INNGEST_SIGNING_KEY: SIGNING_KEY,
  INNGEST_EVENT_KEY: EVENT_KEY,
  // Never inherit real service keys into e2e.
  DATABASE_URL: "",
  OPENAI_API_KEY: "",
  NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: "",
  CLERK_SECRET_KEY: "",
  UPLOADTHING_TOKEN: "",
  ...extra,
});

const servers = [
  {
    command: `npx next start -p ${APP_PORT}`,
    url: `http://127.0.0.1:${APP_PORT}/api/health`,
    env: appEnv(APP_PORT),
    timeout: 120_000,
    reuseExistingServer: false,
  },
];
// E2E_APP_ONLY=1 starts just the offline app: handy while iterating on one spec.
const appOnly = process.env.E2E_APP_ONLY === "1";
if (!appOnly && fs.existsSync(fakeOpenAI)) {
  servers.push(
    {
      command: `npx tsx ${fakeOpenAI}`,
      url: `http://127.0.0.1:${FAKE_OPENAI_PORT}/health`,
      env: { PORT: String(FAKE_OPENAI_PORT) } as never,
      timeout: 60_000,
      reuseExistingServer: false,
    },
    {
      command: `npx next start -p ${OPENAI_APP_PORT}`,
      url: `http://127.0.0.1:${OPENAI_APP_PORT}/api/health`,
      env: appEnv(OPENAI_APP_PORT, {
        OPENAI_API_KEY: "test-key",
        OPENAI_BASE_URL: `http://127.0.0.1:${FAKE_OPENAI_PORT}/v1`,
      }),
      timeout: 120_000,
      reuseExistingServer: false,
    },
  );
}
if (!appOnly && fs.existsSync(runnerEntry)) {
  servers.push({
    command: `npx tsx ${runnerEntry}`,
    url: `http://127.0.0.1:${RUNNER_PORT}/`,
    env: {
      INNGEST_RUNNER_PORT: String(RUNNER_PORT),
      INNGEST_RUNNER_APP_URL: `http://127.0.0.1:${APP_PORT}/api/inngest`,
      INNGEST_RUNNER_DATA_DIR: path.join(dataRoot, "runner"),
      INNGEST_RUNNER_SIGNING_KEY: SIGNING_KEY,
      INNGEST_RUNNER_EVENT_KEY: EVENT_KEY,
    } as never,
    timeout: 60_000,
    reuseExistingServer: false,
  });
}

export default defineConfig({
  testDir: "./e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  globalTeardown: "./e2e/global-teardown.ts",
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: servers,
});
