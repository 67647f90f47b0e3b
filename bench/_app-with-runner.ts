// The app's Inngest functions served on a plain node:http server, with the local runner in signed mode
// in its own process (as under `npm run dev`), on a fresh PostgreSQL database: what the benches that
// drive state machines through the real runner share.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { inngest } from "../inngest.config";
import { freshDatabase } from "./_deployments-db";

export interface RunnerSetup {
  port: number;
  keys: { signingKey: string; eventKey: string };
}

/**
 * The app in cloud mode against the runner, plus `env` (simulator speeds, caps). Call it before the
 * Inngest client is first imported: the client reads these when it is made.
 */
export async function cloudModeAgainstRunner(env: Record<string, string>): Promise<RunnerSetup> {
  const { freePort } = await import("../src/dev/inngest-runner/testing/child-runner");
  const { testKeys } = await import("../src/dev/inngest-runner/testing/harness");
  const keys = testKeys();
  const port = await freePort();
  Object.assign(process.env, {
    INNGEST_DEV: "0",
    INNGEST_BASE_URL: `http://127.0.0.1:${port}`,
    INNGEST_SIGNING_KEY: keys.signingKey,
    INNGEST_EVENT_KEY: keys.eventKey,
    ...env,
  });
  return { port, keys };
}

type Database = Awaited<ReturnType<typeof freshDatabase>>;

/**
 * Runs `body` with the functions served, the runner started and synced (it lists `functionId`), and
 * the app's connection on a fresh database; everything is torn down after, even when `body` throws.
 */
export async function withAppAndRunner(
  setup: RunnerSetup,
  functionId: string,
  body: (db: Database, send: (typeof inngest)["send"]) => Promise<void>,
): Promise<void> {
  const { spawnRunner } = await import("../src/dev/inngest-runner/testing/child-runner");
  const { serve } = await import("inngest/node");
  const { functions, inngest } = await import("../inngest.config");
  const { setConnectionForTesting } = await import("@/server/db");

  const db = await freshDatabase();
  setConnectionForTesting(db.conn);
  const handler = serve({ client: inngest, functions });
  const app = createServer((req, res) => (req.url?.startsWith("/api/inngest") ? handler(req, res) : res.writeHead(404).end()));
  await new Promise<void>((r) => app.listen(0, "127.0.0.1", () => r()));
  const appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/api/inngest`;
  const dataDir = mkdtempSync(path.join(tmpdir(), `bench-${functionId}-`));
  const runner = await spawnRunner(
    {
      INNGEST_RUNNER_APP_URL: appUrl,
      INNGEST_RUNNER_DATA_DIR: dataDir,
      INNGEST_RUNNER_SIGNING_KEY: setup.keys.signingKey,
      INNGEST_RUNNER_EVENT_KEY: setup.keys.eventKey,
      INNGEST_RUNNER_LOG_LEVEL: "warn",
    },
    setup.port,
  );
  try {
    for (const deadline = Date.now() + 60_000; ; ) {
      const { functions: synced } = (await (await fetch(`${runner.url}/api/functions`)).json()) as { functions: { id: string }[] };
      if (synced.some((f) => f.id.endsWith(functionId))) break;
      if (Date.now() > deadline) throw new Error("the app's functions never synced with the runner");
      await new Promise((r) => setTimeout(r, 100));
    }
    await body(db, inngest.send.bind(inngest));
  } finally {
    await runner.kill("SIGTERM");
    app.closeAllConnections();
    await new Promise<void>((r) => app.close(() => r()));
    setConnectionForTesting(undefined);
    await db.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
