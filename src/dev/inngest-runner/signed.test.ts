// Signed mode end to end: a runner with a signing key and an event key (as `inngest start`)
// drives the conformance app served by a real `serve()` whose client is in cloud mode, so the
// SDK itself verifies every request and signs every reply. Keys missing or wrong → 401.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Runner } from "./runner";
import { signature, signedJson, verifySignature } from "./signing";
import { createCalls, createConformanceFunctions, type Calls } from "./testing/conformance-app";
import {
  RunnerClient,
  signingOf,
  startTestApp,
  startTestRunner,
  testClient,
  testKeys,
  type TestApp,
  type TestKeys,
} from "./testing/harness";

let keys: TestKeys;
let runner: Runner;
let app: TestApp;
let client: RunnerClient;
let calls: Calls;
const count = (key: string) => calls.counts.get(key) ?? 0;

beforeAll(async () => {
  keys = testKeys();
  runner = await startTestRunner({ signing: signingOf(keys) });
  calls = createCalls();
  const inngest = testClient("signed", runner.url, keys);
  app = await startTestApp(inngest, createConformanceFunctions(inngest, calls));
  runner.syncer.add(app.url);
  client = new RunnerClient(runner.url, keys.eventKey);
  await client.waitForFunctions(["signed-steps", "signed-failing-failure", "signed-waiter"]);
});

afterAll(async () => {
  await runner?.close();
  await app?.close();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(runner.url + path, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

describe("the runner requires the app's keys", () => {
  it("refuses events without the event key or with a wrong one (401), and takes them with it", async () => {
    const event = [{ name: "signed/nothing", data: {} }];
    for (const key of ["NO_EVENT_KEY_SET", "wrong-key", `${keys.eventKey}x`]) {
      const res = await post(`/e/${key}`, event);
      expect(res.status, key).toBe(401);
      expect(await res.json()).toEqual({ error: "Event key not found", status: 401 });
    }
    const ok = await post(`/e/${keys.eventKey}`, event);
    expect(ok.status).toBe(200);
    expect((await ok.json()).status).toBe(200);
  });

  it("refuses SDK API calls (sync, traces) without the bearer token of its signing key", async () => {
    const register = { url: "http://127.0.0.1:9/api/inngest", appName: "intruder", functions: [] };
    expect((await post("/fn/register", register)).status).toBe(401);
    expect((await post("/fn/register", register, { authorization: "Bearer undefined" })).status).toBe(401);
    expect((await post("/fn/register", register, { authorization: `Bearer ${testKeys().signingKey}` })).status).toBe(401);
    expect((await post("/v1/traces/userland", {})).status).toBe(401);
    const { apps } = await client.json("/api/functions");
    expect(apps.map((a: { app_name: string }) => a.app_name)).toEqual(["signed"]);
  });

  it("synced the app through the SDK's own signed sync (its bearer token was accepted)", async () => {
    const { apps, functions } = await client.json("/api/functions");
    expect(apps[0]).toMatchObject({ url: app.url, app_name: "signed", function_count: functions.length });
    expect(apps[0].error ?? null).toBeNull();
  });
});

describe("the app's serve() in cloud mode", () => {
  const call = { event: { name: "conf/steps", data: { tag: "probe" } }, ctx: { run_id: "probe", attempt: 0, max_attempts: 1 } };
  const url = () => `${app.url}?fnId=signed-steps&stepId=step`;
  const callApp = (body: string, sig?: string) =>
    fetch(url(), { method: "POST", headers: { "content-type": "application/json", ...(sig ? { "x-inngest-signature": sig } : {}) }, body });

  it("refuses a call with no signature, a forged one, or an expired one (401)", async () => {
    const body = JSON.stringify(call);
    const forged = signature(testKeys().signingKey, body, Date.now());
    const expired = signature(keys.signingKey, body, Date.now() - 10 * 60_000);
    for (const sig of [undefined, forged, expired, "t=1&s=00"]) {
      const res = await callApp(body, sig);
      expect(res.status, String(sig)).toBe(401);
      expect(res.headers.get("x-inngest-signature")).toBeNull();
    }
    expect(count("steps:probe:a")).toBe(0);
  });

  it("runs a call the runner signed, and signs its reply so the runner can check it", async () => {
    const signed = signedJson(keys.signingKey, call, Date.now());
    const res = await callApp(signed.body, signed.signature);
    expect(res.status).toBe(206);
    const text = await res.text();
    expect(verifySignature(keys.signingKey, res.headers.get("x-inngest-signature"), text, Date.now())).toEqual({ ok: true });
    expect(verifySignature(testKeys().signingKey, res.headers.get("x-inngest-signature"), text, Date.now()).ok).toBe(false);
    expect(count("steps:probe:a")).toBe(1);
  });
});

describe("the conformance app's functions run signed", () => {
  it("steps, parallel steps, retries, onFailure, sleep, invoke and sendEvent", async () => {
    const ids = await client.send([
      { name: "conf/steps", data: { tag: "s" } },
      { name: "conf/parallel", data: { tag: "p" } },
      { name: "conf/retry", data: { tag: "r" } },
      { name: "conf/fail", data: { tag: "f" } },
      { name: "conf/sleep", data: { tag: "z", duration: "1s" } },
      { name: "conf/invoke", data: { x: 4 } },
      { name: "conf/send", data: { tag: "snd" } },
    ]);
    const [steps, parallel, retry, fail, sleeper, invoke, send] = await Promise.all(
      ids.map((eventId, i) => client.waitForRun({ eventId, functionId: i === 5 ? "signed-parent" : undefined })),
    );
    expect(steps.output).toEqual({ a: { n: 1 }, b: { n: 2 }, nothing: null, tag: "s" });
    expect(parallel.output).toEqual({ results: [1, 2, 3], after: 6 });
    for (const s of ["p1", "p2", "p3", "after"]) expect(count(`parallel:p:${s}`)).toBe(1);
    expect(retry.output).toEqual({ succeededOn: 3, attempt: 2 });
    expect(fail.status).toBe("failed");
    expect((await client.waitForRun({ functionId: "signed-failing-failure" })).output).toMatchObject({ handled: true });
    expect(sleeper.output.mid - sleeper.output.before).toBeGreaterThanOrEqual(1000);
    expect(invoke.output).toEqual({ fromChild: { doubled: 8 } });
    // The SDK sent this event itself, to /e/<event key>.
    expect((await client.waitForRun({ eventId: send.output.ids[0] })).output).toEqual({ gotTag: "snd" });
  });

  it("waits for events and cancels on cancelOn", async () => {
    const [waitId, longId] = await client.send([
      { name: "conf/wait", data: { tag: "w", orderId: "sig-1", timeout: "30s" } },
      { name: "conf/long", data: { jobId: "sig-j" } },
    ]);
    const waiting = await client.waitForRun({ eventId: waitId }, ["waiting"]);
    await client.send([{ name: "conf/approved", data: { orderId: "sig-1", by: "carol" } }]);
    await client.waitForStep(waiting.id, "big-payment", "waiting");
    await client.send([{ name: "conf/paid", data: { orderId: "sig-1", amount: 150, currency: "EUR" } }]);
    expect((await client.waitForRun({ eventId: waitId })).output).toEqual({ approvedBy: "carol", paid: 150 });

    await client.waitForRun({ eventId: longId }, ["sleeping"]);
    await client.send([{ name: "conf/stop", data: { jobId: "sig-j" } }]);
    expect((await client.waitForRun({ eventId: longId })).status).toBe("cancelled");
  });
});

describe("a runner and an app that do not share a key", () => {
  it("does not sync an app in dev mode or with another key, and says why", async () => {
    const other = await startTestRunner({ signing: signingOf(keys) });
    const devApp = testClient("devmode", other.url);
    const strangerApp = testClient("stranger", other.url, testKeys());
    const apps = await Promise.all([
      startTestApp(devApp, createConformanceFunctions(devApp, createCalls())),
      startTestApp(strangerApp, createConformanceFunctions(strangerApp, createCalls())),
    ]);
    try {
      expect(await Promise.all(apps.map((a) => other.syncer.syncNow(a.url)))).toEqual([false, false]);
      const { functions, apps: synced } = await new RunnerClient(other.url).json("/api/functions");
      expect(functions).toEqual([]);
      // The SDK relays the runner's 401 to /fn/register in its reply to the PUT.
      for (const a of synced) expect(a.error).toMatch(/HTTP 401.*signing key is not the runner's \(or the app is in dev mode\)/);
    } finally {
      await other.close();
      await Promise.all(apps.map((a) => a.close()));
    }
  });
});
