// The runner refuses state changes from other sites (a web page posting a form to 127.0.0.1:8288),
// and in signed mode wants the event key from anything that is not its own dashboard.
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guardRequest, isOwnOrigin, requestSite } from "./request-guard";
import type { Runner } from "./runner";
import { createCalls, createConformanceFunctions } from "./testing/conformance-app";
import { RunnerClient, signingOf, startTestApp, startTestRunner, testClient, testKeys, type TestApp, type TestKeys } from "./testing/harness";

describe("request guard (pure)", () => {
  it("takes as own origin only the runner as reached by IP or localhost (no DNS rebinding)", () => {
    expect(isOwnOrigin("http://127.0.0.1:8288", "127.0.0.1:8288", "127.0.0.1")).toBe(true);
    expect(isOwnOrigin("http://localhost:8288", "localhost:8288", "127.0.0.1")).toBe(true);
    expect(isOwnOrigin("http://[::1]:8288", "[::1]:8288", "127.0.0.1")).toBe(true);
    expect(isOwnOrigin("http://devbox:8288", "devbox:8288", "devbox")).toBe(true); // INNGEST_RUNNER_HOST
    expect(isOwnOrigin("http://evil.example", "127.0.0.1:8288", "127.0.0.1")).toBe(false);
    expect(isOwnOrigin("http://evil.example:8288", "evil.example:8288", "127.0.0.1")).toBe(false);
    expect(isOwnOrigin("http://127.0.0.1:3000", "127.0.0.1:8288", "127.0.0.1")).toBe(false);
    expect(isOwnOrigin("https://127.0.0.1:8288", "127.0.0.1:8288", "127.0.0.1")).toBe(false);
    expect(isOwnOrigin("null", "127.0.0.1:8288", "127.0.0.1")).toBe(false);
    expect(isOwnOrigin("http://127.0.0.1:8288", undefined, "127.0.0.1")).toBe(false);
  });

  it("reads the browser's Origin and Sec-Fetch-Site", () => {
    const host = "127.0.0.1:8288";
    const site = (h: Record<string, string>) => requestSite({ host, ...h }, "127.0.0.1");
    expect(site({ origin: "http://127.0.0.1:8288", "sec-fetch-site": "same-origin" })).toBe("same-origin");
    expect(site({ origin: "https://evil.example", "sec-fetch-site": "cross-site" })).toBe("cross-site");
    expect(site({ origin: "https://evil.example" })).toBe("cross-site");
    expect(site({ origin: "null" })).toBe("cross-site");
    expect(site({ "sec-fetch-site": "same-site" })).toBe("cross-site");
    expect(site({ origin: "http://127.0.0.1:8288", "sec-fetch-site": "cross-site" })).toBe("cross-site");
    expect(site({ "sec-fetch-site": "same-origin" })).toBe("same-origin");
    expect(site({})).toBe("unknown");
  });

  it("leaves reads and the SDK's routes alone, refuses cross-site changes, wants the key in signed mode", () => {
    const base = { listenHost: "127.0.0.1", eventKeys: null };
    const evil = { host: "127.0.0.1:8288", origin: "https://evil.example" };
    expect(guardRequest({ ...base, method: "GET", path: "/", headers: evil }).ok).toBe(true);
    expect(guardRequest({ ...base, method: "POST", path: "/e/key", headers: evil }).ok).toBe(true);
    expect(guardRequest({ ...base, method: "POST", path: "/fn/register", headers: evil }).ok).toBe(true);
    expect(guardRequest({ ...base, method: "POST", path: "/events/send", headers: evil })).toMatchObject({ ok: false, status: 403 });
    expect(guardRequest({ ...base, method: "DELETE", path: "/api/runs/x", headers: evil })).toMatchObject({ ok: false, status: 403 });
    expect(guardRequest({ ...base, method: "POST", path: "/events/send", headers: {} }).ok).toBe(true);

    const signed = { listenHost: "127.0.0.1", eventKeys: ["k1"] };
    expect(guardRequest({ ...signed, method: "POST", path: "/api/events", headers: {} })).toMatchObject({ ok: false, status: 401 });
    expect(guardRequest({ ...signed, method: "POST", path: "/api/events", headers: { authorization: "Bearer k2" } })).toMatchObject({ ok: false, status: 401 });
    expect(guardRequest({ ...signed, method: "POST", path: "/api/events", headers: { authorization: "Bearer k1" } }).ok).toBe(true);
    expect(guardRequest({ ...signed, method: "POST", path: "/api/events", headers: { ...evil, authorization: "Bearer k1" } })).toMatchObject({ status: 403 });
    const own = { host: "127.0.0.1:8288", origin: "http://127.0.0.1:8288" };
    expect(guardRequest({ ...signed, method: "POST", path: "/events/send", headers: own }).ok).toBe(true);
  });
});

describe("the runner's state-changing routes (signed mode)", () => {
  let keys: TestKeys;
  let runner: Runner;
  let app: TestApp;
  let client: RunnerClient;
  let waiting: { id: string; event_id: string };

  const FORM = { "content-type": "application/x-www-form-urlencoded" };
  /** What a browser sends when a page on another site submits a form to the runner. */
  const CROSS_SITE = { origin: "https://evil.example", "sec-fetch-site": "cross-site" };
  const post = (path: string, headers: Record<string, string>, body: string) =>
    fetch(runner.url + path, { method: "POST", headers, body, redirect: "manual" });
  /** fetch() always sends the real Host; node:http lets the test send another one. */
  const postWithHost = (path: string, headers: Record<string, string>, body: string) =>
    new Promise<number | undefined>((resolve, reject) => {
      const req = request(runner.url + path, { method: "POST", headers }, (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on("error", reject);
      req.end(body);
    });
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

  /** Every state-changing route but the SDK's, with a body that would change something. */
  const routes = () => [
    { path: "/events/send", body: form({ name: "conf/steps", data: '{"tag":"forged"}' }) },
    { path: "/functions/guard-steps/invoke", body: form({ payload: '{"data":{"tag":"forged"}}' }) },
    { path: `/runs/${waiting.id}/cancel`, body: "" },
    { path: `/events/${waiting.event_id}/replay`, body: "" },
    { path: "/apps/sync", body: form({ url: "http://127.0.0.1:9/api/inngest" }) },
    { path: "/api/events", body: JSON.stringify([{ name: "conf/steps", data: { tag: "forged" } }]) },
    { path: "/api/functions/guard-steps/invoke", body: JSON.stringify({ data: { tag: "forged" } }) },
    { path: `/api/runs/${waiting.id}/cancel`, body: "" },
    { path: `/api/events/${waiting.event_id}/replay`, body: "" },
    { path: "/api/apps", body: JSON.stringify({ url: "http://127.0.0.1:9/api/inngest" }) },
  ];

  /** What a change would touch: events, runs and their states, synced apps. */
  const snapshot = async () => ({
    events: (await client.json("/api/events?limit=500")).events.map((e: { id: string }) => e.id),
    runs: (await client.runs("?limit=500")).map((r) => `${r.id}:${r.status}`),
    apps: (await client.json("/api/functions")).apps.map((a: { url: string }) => a.url),
  });

  beforeAll(async () => {
    keys = testKeys();
    runner = await startTestRunner({ signing: signingOf(keys) });
    const inngest = testClient("guard", runner.url, keys);
    app = await startTestApp(inngest, createConformanceFunctions(inngest, createCalls()));
    runner.syncer.add(app.url);
    client = new RunnerClient(runner.url, keys.eventKey);
    await client.waitForFunctions(["guard-steps", "guard-waiter"]);
    const [eventId] = await client.send([{ name: "conf/wait", data: { tag: "w", orderId: "o1", timeout: "10m" } }]);
    const run = (await client.runs(`?event=${eventId}`))[0];
    await client.waitForWait(run.id, "conf/approved");
    waiting = { id: run.id, event_id: eventId! };
  }, 60_000);

  afterAll(async () => {
    await runner?.close();
    await app?.close();
  });

  it("refuses a cross-site post to every route with 403 and changes nothing", async () => {
    const before = await snapshot();
    for (const r of routes()) {
      for (const headers of [
        { ...FORM, ...CROSS_SITE },
        { ...FORM, origin: "https://evil.example" },
        { ...FORM, "sec-fetch-site": "same-site" },
        { ...FORM, origin: "null" },
        // The event key does not make a cross-site request acceptable.
        { ...FORM, ...CROSS_SITE, authorization: `Bearer ${keys.eventKey}` },
      ]) {
        const res = await post(r.path, headers, r.body);
        expect(res.status, `${r.path} ${JSON.stringify(headers)}`).toBe(403);
        expect((await res.json()).error).toMatch(/^Cross-site request refused/);
      }
      // DNS rebinding: a name of the attacker's that resolves to 127.0.0.1 (Origin and Host agree).
      const rebound = `rebind.example:${runner.port}`;
      expect(await postWithHost(r.path, { ...FORM, host: rebound, origin: `http://${rebound}` }, r.body), r.path).toBe(403);
    }
    expect(await snapshot()).toEqual(before);
    expect((await client.run(waiting.id)).status).toBe("waiting");
  });

  it("wants the event key on the JSON API (and the forms) from anything but the runner's own pages", async () => {
    const before = await snapshot();
    const json = { "content-type": "application/json" };
    for (const r of routes()) {
      for (const headers of [json, { ...json, authorization: "Bearer wrong-key" }, { ...json, authorization: `Bearer ${keys.signingKey}` }]) {
        expect((await post(r.path, headers, r.body)).status, `${r.path} ${JSON.stringify(headers)}`).toBe(401);
      }
    }
    expect(await snapshot()).toEqual(before);

    const withKey = { ...json, authorization: `Bearer ${keys.eventKey}` };
    const sent = await post("/api/events", withKey, JSON.stringify({ name: "conf/steps", data: { tag: "api-key" } }));
    expect(sent.status).toBe(200);
    const [eventId] = (await sent.json()).ids;
    expect((await client.waitForRun({ eventId })).status).toBe("completed");
    const invoked = await post("/api/functions/guard-steps/invoke", withKey, JSON.stringify({ data: { tag: "api-invoke" } }));
    expect(invoked.status).toBe(200);
    const run = await client.waitForRun({ eventId: (await invoked.json()).event_id });
    expect(run).toMatchObject({ function_id: "guard-steps", status: "completed" });
  });

  it("takes the dashboard's own forms (same origin) without the key", async () => {
    const own = { ...FORM, origin: runner.url, "sec-fetch-site": "same-origin" };
    const sent = await post("/events/send", own, form({ name: "conf/steps", data: '{"tag":"own-form"}' }));
    expect(sent.status).toBe(303);
    const { events } = await client.json("/api/events?name=conf/steps&limit=50");
    const event = events.find((e: { payload: { data: { tag?: string } } }) => e.payload.data.tag === "own-form");
    expect((await client.waitForRun({ eventId: event.id })).status).toBe("completed");

    const invoked = await post("/functions/guard-steps/invoke", own, form({ payload: '{"data":{"tag":"own-invoke"}}' }));
    expect(invoked.status).toBe(303);
    const runId = invoked.headers.get("location")?.match(/^\/runs\/(\w+)$/)?.[1] ?? "";
    expect(runId).not.toBe("");
    const run = await client.waitForRun({ eventId: (await client.run(runId)).event_id });
    expect(run).toMatchObject({ id: runId, status: "completed", output: { tag: "own-invoke" } });

    // The same-origin JSON API needs no key either (a script on the runner's own pages).
    const api = await post("/api/events", { "content-type": "application/json", origin: runner.url }, JSON.stringify({ name: "conf/nothing" }));
    expect(api.status).toBe(200);

    expect((await post(`/events/${waiting.event_id}/replay`, own, "")).status).toBe(303);
    expect((await post(`/runs/${waiting.id}/cancel`, own, "")).status).toBe(303);
    expect((await client.run(waiting.id)).status).toBe("cancelled");
  });
});

describe("the runner's state-changing routes (dev mode)", () => {
  let runner: Runner;
  beforeAll(async () => {
    runner = await startTestRunner();
  });
  afterAll(async () => {
    await runner?.close();
  });

  it("refuses cross-site posts too, and takes posts without browser headers (curl, scripts)", async () => {
    const events = async () => (await (await fetch(`${runner.url}/api/events`)).json()).events;
    const send = (headers: Record<string, string>) =>
      fetch(`${runner.url}/events/send`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
        body: new URLSearchParams({ name: "dev/thing", data: "{}" }),
        redirect: "manual",
      });
    expect((await send({ origin: "https://evil.example", "sec-fetch-site": "cross-site" })).status).toBe(403);
    const api = await fetch(`${runner.url}/api/events`, { method: "POST", headers: { origin: "https://evil.example" }, body: '{"name":"dev/thing"}' });
    expect(api.status).toBe(403);
    expect(await events()).toEqual([]);
    expect((await send({})).status).toBe(303);
    expect((await send({ origin: runner.url })).status).toBe(303);
    expect(await events()).toHaveLength(2);
  });
});
