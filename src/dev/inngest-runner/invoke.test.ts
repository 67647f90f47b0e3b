// Invoking a function by hand (dashboard Invoke button, JSON API), and the dashboard pages' frame:
// theme, favicon, and one Invoke dialog with a JSON editor per function.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseInvokePayload, parseInvokeText } from "./invoke";
import type { Runner } from "./runner";
import { createCalls, createConformanceFunctions } from "./testing/conformance-app";
import { RunnerClient, startTestApp, startTestRunner, testClient, type TestApp } from "./testing/harness";

describe("invoke payloads", () => {
  it("takes { data, user } objects and defaults data to {}", () => {
    expect(parseInvokePayload({})).toEqual({ ok: true, payload: { data: {} } });
    expect(parseInvokePayload({ data: { a: 1 }, user: { id: "u" } })).toEqual({ ok: true, payload: { data: { a: 1 }, user: { id: "u" } } });
  });
  it("refuses anything else with a message that says what is wrong", () => {
    expect(parseInvokePayload([])).toMatchObject({ ok: false, error: expect.stringMatching(/JSON object/) });
    expect(parseInvokePayload({ data: [1] })).toEqual({ ok: false, error: '"data" must be an object' });
    expect(parseInvokePayload({ user: "x" })).toEqual({ ok: false, error: '"user" must be an object' });
    expect(parseInvokePayload({ dta: {} })).toMatchObject({ ok: false, error: expect.stringMatching(/Unknown payload field\(s\): dta/) });
    expect(parseInvokeText("{ nope")).toMatchObject({ ok: false, error: expect.stringMatching(/^The payload is not valid JSON/) });
  });
});

describe("invoking through the runner", () => {
  let runner: Runner;
  let app: TestApp;
  let client: RunnerClient;

  beforeAll(async () => {
    runner = await startTestRunner();
    const inngest = testClient("inv", runner.url);
    app = await startTestApp(inngest, createConformanceFunctions(inngest, createCalls()));
    runner.syncer.add(app.url);
    client = new RunnerClient(runner.url);
    await client.waitForFunctions(["inv-steps", "inv-child"]);
  });

  afterAll(async () => {
    await runner?.close();
    await app?.close();
  });

  it("starts a run of exactly that function with an inngest/function.invoked event (JSON API)", async () => {
    const res = await client.json("/api/functions/inv-child/invoke", { method: "POST", body: JSON.stringify({ data: { x: 5 } }) });
    const run = await client.waitForRun({ eventId: res.event_id });
    expect(run.id).toBe(res.run_id);
    expect(run.function_id).toBe("inv-child");
    expect(run.event).toMatchObject({ name: "inngest/function.invoked", data: { x: 5, _inngest: { fn_id: "inv-child" } } });
    expect(run.output).toEqual({ doubled: 10 });
    expect(await client.runs(`?event=${res.event_id}`)).toHaveLength(1);
  });

  it("answers 400 for a bad payload and 404 for an unknown function", async () => {
    const post = (path: string, body: unknown) => fetch(runner.url + path, { method: "POST", body: JSON.stringify(body) });
    expect((await post("/api/functions/inv-child/invoke", { data: "x" })).status).toBe(400);
    expect((await post("/api/functions/nope/invoke", { data: {} })).status).toBe(404);
  });

  it("opens the new run after the dashboard's form post, or comes back with the error", async () => {
    const form = (payload: string) =>
      fetch(`${runner.url}/functions/inv-steps/invoke`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ payload }),
        redirect: "manual",
      });
    const ok = await form('{ "data": { "tag": "by hand" } }');
    expect(ok.status).toBe(303);
    const runId = ok.headers.get("location")?.match(/^\/runs\/(\w+)$/)?.[1];
    expect(runId).toBeTruthy();
    const run = await client.waitForRun({ eventId: (await client.run(runId ?? "")).event_id });
    expect(run.output.tag).toBe("by hand");

    const bad = await form('{ "data": ');
    expect(bad.status).toBe(303);
    const back = new URL(bad.headers.get("location") ?? "", runner.url);
    expect(back.pathname).toBe("/functions");
    expect(back.searchParams.get("error")).toMatch(/not valid JSON/);
    const pageHtml = await (await fetch(back)).text();
    expect(pageHtml).toContain("Could not invoke inv-steps: The payload is not valid JSON");
  });

  it("renders every page in the app's theme with a favicon, and an Invoke dialog per function", async () => {
    const { functions } = await client.json("/api/functions");
    const page = await (await fetch(`${runner.url}/functions`)).text();
    expect(page.match(/data-action="invoke"/g)).toHaveLength(functions.length);
    expect(page.match(/<dialog id="invoke-\d+"/g)).toHaveLength(functions.length);
    expect(page).toContain('<textarea name="payload" rows="8" data-json="object"');
    for (const path of ["/", "/events", "/functions"]) {
      const html = await (await fetch(runner.url + path)).text();
      expect(html).toContain('<link rel="icon" type="image/svg+xml" href="data:image/svg+xml,');
      expect(html).toContain('<meta name="color-scheme" content="dark light">');
      expect(html).toContain("--accent: oklch(0.7 0.17 290)"); // the app's dark primary, the default
      expect(html).toContain('id="theme"');
    }
  });
});
