// The app's own /api/inngest route in cloud mode (INNGEST_SIGNING_KEY, INNGEST_EVENT_KEY,
// INNGEST_BASE_URL, no INNGEST_DEV), as `npm run dev` and the e2e suite run it against the local
// runner in signed mode: the SDK refuses unsigned or forged calls itself, runs the ones the
// runner signs, and the outbox delivers events with the event key.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { Inngest } from "inngest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callBody, requestInit, signedReplyCheck } from "@/dev/inngest-runner/call";
import type { Runner } from "@/dev/inngest-runner/runner";
import { signature } from "@/dev/inngest-runner/signing";
import { RunnerClient, quietLogger, signingOf, startTestRunner, testKeys } from "@/dev/inngest-runner/testing/harness";
import { setConnectionForTesting } from "@/server/db";
import { notifications, outbox } from "@/server/db/schema";
import { deliverOutbox } from "@/server/outbox";
import { upsertUser } from "@/server/users/ensure-user";
import { openTestDatabase, type TestDatabase } from "../helpers/db";

type Handler = (req: Request) => Promise<Response>;
interface Route {
  GET: Handler;
  POST: Handler;
  PUT: Handler;
}

const keys = testKeys();
const ENV = ["INNGEST_DEV", "INNGEST_SIGNING_KEY", "INNGEST_EVENT_KEY", "INNGEST_BASE_URL"] as const;
const saved = Object.fromEntries(ENV.map((k) => [k, process.env[k]]));
let runner: Runner;
let route: Route;
let appClient: Inngest.Any;
let tdb: TestDatabase;
let server: http.Server;
let appUrl = "";
let client: RunnerClient;

/** Serves the Next route handlers over plain node:http, so the runner can call them. */
function serveRoute(r: Route): http.Server {
  return http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const method = (req.method ?? "GET") as keyof Route;
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const body = method === "GET" ? undefined : Buffer.concat(chunks).toString("utf8");
    const reply = await r[method](new Request(`http://${req.headers.host}${req.url}`, { method, headers, body }));
    res.writeHead(reply.status, Object.fromEntries(reply.headers));
    res.end(await reply.text());
  });
}

beforeAll(async () => {
  runner = await startTestRunner({ signing: signingOf(keys) });
  delete process.env.INNGEST_DEV;
  process.env.INNGEST_SIGNING_KEY = keys.signingKey;
  process.env.INNGEST_EVENT_KEY = keys.eventKey;
  process.env.INNGEST_BASE_URL = runner.url;
  // Imported only now: the client picks its mode from the environment when it is created.
  route = (await import("@/app/api/inngest/route")) as unknown as Route;
  appClient = (await import("@/server/inngest/client")).inngest;
  tdb = await openTestDatabase("pglite");
  setConnectionForTesting(tdb);
  server = serveRoute(route);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/inngest`;
  client = new RunnerClient(runner.url, keys.eventKey);
  runner.syncer.add(appUrl);
  await client.waitForFunctions(["radium-user-welcome", "radium-ping"]);
});

afterAll(async () => {
  await runner?.close();
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  setConnectionForTesting(undefined);
  await tdb?.dispose();
  for (const k of ENV) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

const pingCall = () =>
  callBody({
    url: appUrl,
    stepId: "step",
    event: { id: "evt-probe", name: "radium/ping", data: { message: "probe" }, ts: Date.now() },
    events: [],
    steps: {},
    stack: [],
    runId: "run-probe",
    attempt: 0,
    maxAttempts: 1,
    disableImmediateExecution: false,
    timeoutMs: 10_000,
  });
const postToRoute = (body: string, sig?: string) =>
  route.POST(
    new Request(`${appUrl}?fnId=radium-ping&stepId=step`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(sig ? { "x-inngest-signature": sig } : {}) },
      body,
    }),
  );

describe("/api/inngest in cloud mode", () => {
  it("is in cloud mode: the SDK checks signatures", () => {
    expect(appClient.mode).toBe("cloud");
  });

  it("refuses a call with no signature, a forged one or an expired one (401)", async () => {
    const body = JSON.stringify(pingCall());
    const cases = {
      missing: undefined,
      forged: signature(testKeys().signingKey, body, Date.now()),
      expired: signature(keys.signingKey, body, Date.now() - 10 * 60_000),
      garbled: "t=abc&s=def",
    };
    for (const [name, sig] of Object.entries(cases)) {
      const res = await postToRoute(body, sig);
      expect(res.status, name).toBe(401);
      expect(await res.json()).toEqual({ message: "Unauthorized" });
    }
  });

  it("runs a call signed by the runner's signing code and signs its reply for the runner", async () => {
    const init = requestInit(pingCall(), keys.signingKey, Date.now());
    const res = await postToRoute(init.body, init.headers["x-inngest-signature"]);
    expect(res.status).toBe(206);
    const text = await res.text();
    expect(JSON.parse(text)[0]).toMatchObject({ op: "StepRun", displayName: "receive" });
    expect(signedReplyCheck(keys.signingKey, Date.now)(res.status, res.headers, text)).toBeNull();
  });
});

describe("the app's functions through the runner in signed mode", () => {
  it("welcomes a new user: the outbox sends user/created with the event key, the runner runs the function signed", async () => {
    const userId = "user_signedWelcome0000000000000";
    await upsertUser(tdb.db, { id: userId, email: "s@example.com", name: "Sigrid" });
    expect(await deliverOutbox(tdb.db, (events) => appClient.send(events))).toBeGreaterThan(0);
    const [row] = await tdb.db.select().from(outbox).where(eq(outbox.name, "user/created")).limit(1);
    const run = await client.waitForRun({ eventId: row?.eventId, functionId: "radium-user-welcome" });
    expect(run.status).toBe("completed");
    expect(run.output).toMatchObject({ created: true });
    const rows = await tdb.db.select().from(notifications).where(eq(notifications.userId, userId));
    expect(rows.map((n) => n.title)).toEqual(["Welcome to Radium, Sigrid"]);
  });

  it("keeps outbox events when the runner refuses the event key, and says so", async () => {
    await upsertUser(tdb.db, { id: "user_signedWrongKey000000000000", email: "k@example.com", name: "K" });
    const wrongKey = new Inngest({ id: "radium", isDev: false, baseUrl: runner.url, eventKey: "not-the-key", logger: quietLogger });
    expect(await deliverOutbox(tdb.db, (events) => wrongKey.send(events))).toBe(0);
    const [pending] = await tdb.db.select().from(outbox).where(eq(outbox.attempts, 1));
    expect(pending?.deliveredAt).toBeNull();
    expect(pending?.lastError).toMatch(/event key/i);
  });
});
