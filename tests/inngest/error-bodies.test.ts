/**
 * /api/inngest error bodies carry no stack traces or file paths for an unsigned caller, while the
 * SDK protocol (statuses, X-Inngest-No-Retry, ops, the user's error message) stays intact.
 */
import { Inngest, NonRetriableError } from "inngest";
import { serve } from "inngest/next";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { maskPaths, sanitizeInngestResponse, scrubErrors } from "@/server/inngest/sanitize-response";

const LEAK = /\n\s+at |\/work\/|\/src\/|node_modules/;

const client = new Inngest({ id: "probe", isDev: true });
const fns = [
  client.createFunction({ id: "step-fails", triggers: [{ event: "x/a" }], retries: 2 }, async ({ step }) => {
    await step.run("s1", () => {
      throw new Error("could not open /work/app/src/data/file.csv");
    });
  }),
  client.createFunction({ id: "throws", triggers: [{ event: "x/b" }] }, async () => {
    throw new Error("top-level broke");
  }),
  client.createFunction({ id: "gives-up", triggers: [{ event: "x/c" }] }, async () => {
    throw new NonRetriableError("no retry, please");
  }),
];
const sdk = serve({ client, functions: fns });

async function call(fnId: string, attempt = 0, body?: unknown) {
  const req = new NextRequest(`http://localhost/api/inngest?fnId=${fnId}&stepId=step`, {
    method: "POST",
    body: JSON.stringify(body ?? { event: { name: "x", data: {} }, ctx: { run_id: "r1", attempt, max_attempts: 3 }, steps: {}, version: 2 }),
  });
  const raw = await sdk.POST(req, undefined);
  const res = await sanitizeInngestResponse(raw.clone());
  return { raw, res, text: await res.text() };
}

describe("sanitizing the SDK's replies", () => {
  it("a failing step: StepError op and retry header kept, message kept with the path masked, stack emptied", async () => {
    const { raw, res, text } = await call("probe-step-fails");
    expect(await raw.text()).toMatch(LEAK); // what the SDK sends by itself
    expect(res.status).toBe(raw.status);
    expect(res.headers.get("x-inngest-no-retry")).toBe("false");
    expect(text).not.toMatch(LEAK);
    const [op] = JSON.parse(text);
    expect(op).toMatchObject({ op: "StepError", name: "s1", error: { name: "Error", message: "could not open [path]", stack: "", __serialized: true } });
  });

  it("the last attempt: StepFailed with X-Inngest-No-Retry: true", async () => {
    const { res, text } = await call("probe-step-fails", 2);
    expect(res.headers.get("x-inngest-no-retry")).toBe("true");
    expect(JSON.parse(text)[0]).toMatchObject({ op: "StepFailed", error: { message: "could not open [path]", stack: "" } });
    expect(text).not.toMatch(LEAK);
  });

  it("function errors keep their status (500 retry, 400 no retry) without the stack", async () => {
    const thrown = await call("probe-throws");
    expect(thrown.res.status).toBe(500);
    expect(JSON.parse(thrown.text)).toMatchObject({ name: "Error", message: "top-level broke", stack: "" });
    const gaveUp = await call("probe-gives-up");
    expect(gaveUp.res.status).toBe(400);
    expect(gaveUp.res.headers.get("x-inngest-no-retry")).toBe("true");
    expect(JSON.parse(gaveUp.text)).toMatchObject({ name: "NonRetriableError", message: "no retry, please", stack: "" });
    for (const t of [thrown.text, gaveUp.text]) expect(t).not.toMatch(LEAK);
  });

  it("the SDK's own errors (unknown fnId, body it cannot use) lose their stacks", async () => {
    for (const { raw, res, text } of [await call("nope"), await call("probe-throws", 0, { foo: 1 })]) {
      expect(raw.status).toBe(500);
      expect(res.status).toBe(500);
      expect(text).not.toMatch(LEAK);
    }
  });

  it("leaves signed responses and function results alone", async () => {
    const signed = new Response('{"stack":"Error\\n    at /work/x.ts:1:1","message":"m"}', { status: 500, headers: { "x-inngest-signature": "t=1&s=ab" } });
    expect(await sanitizeInngestResponse(signed)).toBe(signed);
    const ok = new Response('{"path":"/work/data"}', { status: 200 });
    expect(await sanitizeInngestResponse(ok)).toBe(ok);
  });

  it("masks paths but not URLs, and drops frames written into a message", () => {
    expect(maskPaths("see https://expressjs.com/en/resources/x.html")).toBe("see https://expressjs.com/en/resources/x.html");
    expect(maskPaths("ENOENT: open '/home/app/.data/x' at node_modules/pg/lib/client.js")).toBe("ENOENT: open '[path]' at [path]");
    expect(maskPaths("boom\n    at f (/x/y.ts:1:2)")).toBe("boom");
    expect(scrubErrors({ data: { stack: "user data, not an error" } })).toEqual({ data: { stack: "user data, not an error" } });
  });
});

describe("the app's /api/inngest route", () => {
  it("answers a body that is not JSON with a 400 problem, and an unknown function without a stack", async () => {
    const { POST } = await import("@/app/api/inngest/route");
    const bad = await POST(new NextRequest("http://localhost/api/inngest?fnId=radium-ping&stepId=step", { method: "POST", body: "{not json" }));
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toBe("application/problem+json");
    const unknown = await POST(
      new NextRequest("http://localhost/api/inngest?fnId=radium-nope&stepId=step", {
        method: "POST",
        body: JSON.stringify({ event: { name: "x", data: {} }, ctx: { run_id: "r" }, steps: {} }),
      }),
    );
    expect(unknown.status).toBe(500);
    expect(unknown.headers.get("x-request-id")).toBeTruthy();
    expect(await unknown.text()).not.toMatch(LEAK);
  });
});
